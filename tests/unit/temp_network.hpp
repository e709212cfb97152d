// A network in a fresh temporary folder, removed when the test ends.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "io/files.hpp"
#include "io/network.hpp"
#include "io/store.hpp"

struct TempNetwork {
    std::filesystem::path root;
    kith::Network network;

    TempNetwork() : root(make_folder()), network(kith::create_network(root / "net")) {}
    ~TempNetwork() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }

    // Writes a contact file by hand, as a person with an editor would.
    void write(std::string_view slug, std::string_view text) const {
        std::ofstream(kith::contact_path(network, slug), std::ios::binary) << text;
    }

    std::string read(std::string_view slug) const { return kith::read_file(kith::contact_path(network, slug), slug); }

private:
    static std::filesystem::path make_folder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kith-unit.XXXXXX").string();
        return ::mkdtemp(pattern.data());
    }
};
