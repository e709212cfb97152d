// Laying out JSON built by nlohmann's ordered_json.
#include "formats/json.hpp"

namespace kith {

namespace {

// nlohmann's own spelling of a string, a number, true, false or null.
std::string scalar(const Json& value) {
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (!value.is_string()) return text;
    // As kith has always written them (toml++'s spelling): \u001B, not
    // \u001b, and DEL escaped too, which JSON allows and a terminal needs.
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x7f') {
            out += "\\u007F";
        } else if (text[i] == '\\' && i + 1 < text.size()) {
            out += text[i];
            out += text[++i];
            if (text[i] == 'u')
                for (std::size_t end = std::min(i + 4, text.size() - 1); i < end;)
                    out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[++i])));
        } else {
            out += text[i];
        }
    }
    return out;
}

void append(std::string& out, const Json& value) {
    if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.items()) {
            if (!first) out += ", ";
            first = false;
            out += scalar(Json(key));
            out += ": ";
            append(out, member);
        }
        out += '}';
    } else if (value.is_array()) {
        out += '[';
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0) out += ", ";
            append(out, value[i]);
        }
        out += ']';
    } else {
        out += scalar(value);
    }
}

}  // namespace

std::string json_line(const Json& value) {
    std::string out;
    append(out, value);
    return out;
}

std::string json_lines(const Json& array, std::string_view indent) {
    if (array.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < array.size(); ++i) {
        out += indent;
        out += "  ";
        append(out, array[i]);
        out += i + 1 < array.size() ? ",\n" : "\n";
    }
    out += indent;
    out += ']';
    return out;
}

}  // namespace kith
