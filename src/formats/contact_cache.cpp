// The cache of parsed contact files as bytes: its header, entries and contacts.
#include "formats/contact_cache.hpp"

#include <algorithm>
#include <cstring>

#include <link.h>

#include <fmt/format.h>

#include "model/error.hpp"

namespace kith {

namespace {

// Bumped whenever encode_contact writes anything differently; with the
// version it names the form of the cache.
constexpr std::string_view cache_format = "kith contact cache 1 " KITH_VERSION;

// The GNU build ID of the running program (the linker's hash of it), in hex:
// a cache written by any other build, whose parser may read files otherwise,
// is never trusted. Empty when the program has none.
std::string build_id() {
    std::string id;
    ::dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* found) -> int {
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr)& header = info->dlpi_phdr[i];
                if (header.p_type != PT_NOTE) continue;
                const char* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
                const char* const end = at + header.p_memsz;
                while (at + sizeof(ElfW(Nhdr)) <= end) {
                    const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
                    const char* name = at + sizeof(ElfW(Nhdr));
                    const char* desc = name + ((note->n_namesz + 3) & ~3u);
                    if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                        for (std::size_t b = 0; b < note->n_descsz; ++b)
                            *static_cast<std::string*>(found) +=
                                fmt::format("{:02x}", static_cast<unsigned char>(desc[b]));
                        return 1;
                    }
                    at = desc + ((note->n_descsz + 3) & ~3u);
                }
            }
            return 1;  // the first object is the program itself: look no further
        },
        &id);
    return id;
}

// The first line of a cache file: its form and the build that wrote it.
const std::string& cache_header() {
    static const std::string header = fmt::format("{} {}\n", cache_format, build_id());
    return header;
}

// Appends values in a fixed binary form: integers as 8 bytes in the host's
// order (the cache never leaves the machine), strings as a length and bytes.
class Encoder {
public:
    void integer(std::int64_t value) {
        char bytes[sizeof value];
        std::memcpy(bytes, &value, sizeof value);
        out_.append(bytes, sizeof bytes);
    }
    void text(std::string_view value) {
        integer(static_cast<std::int64_t>(value.size()));
        out_ += value;
    }
    void texts(const std::vector<std::string>& values) {
        integer(static_cast<std::int64_t>(values.size()));
        for (const std::string& value : values)
            text(value);
    }
    void date_time(const DateTime& value) {
        integer(value.local.time_since_epoch().count());
        integer(value.has_time);
        integer(value.offset.has_value());
        integer(value.offset ? value.offset->count() : 0);
    }
    void other_fields(const std::vector<OtherField>& fields) {
        integer(static_cast<std::int64_t>(fields.size()));
        for (const OtherField& field : fields) {
            text(field.key);
            text(field.toml);
            text(field.json);
            text(field.text);
            text(field.document);
        }
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// Reads what an Encoder wrote; any read past the end throws Error(data).
class Decoder {
public:
    explicit Decoder(std::string_view in) : in_(in) {}

    std::int64_t integer() {
        std::int64_t value = 0;
        std::memcpy(&value, take(sizeof value).data(), sizeof value);
        return value;
    }
    // A count of things that each take at least `least` bytes of what is left:
    // a count no cache could hold never becomes an allocation.
    std::size_t count(std::size_t least = 1) {
        const std::int64_t value = integer();
        if (value < 0 || static_cast<std::uint64_t>(value) > in_.size() / least) corrupt();
        return static_cast<std::size_t>(value);
    }
    std::string_view text_view() { return take(count()); }
    std::string text() { return std::string(text_view()); }
    std::vector<std::string> texts() {
        std::vector<std::string> out(count(sizeof(std::int64_t)));
        for (std::string& value : out)
            value = text();
        return out;
    }
    DateTime date_time() {
        DateTime out;
        out.local = date::local_seconds{std::chrono::seconds{integer()}};
        out.has_time = integer() != 0;
        const bool has_offset = integer() != 0;
        const std::chrono::minutes offset{integer()};
        if (has_offset) out.offset = offset;
        return out;
    }
    std::vector<OtherField> other_fields() {
        std::vector<OtherField> out(count(5 * sizeof(std::int64_t)));
        for (OtherField& field : out) {
            field.key = text();
            field.toml = text();
            field.json = text();
            field.text = text();
            field.document = text();
        }
        return out;
    }
    bool done() const { return in_.empty(); }

private:
    [[noreturn]] static void corrupt() { throw Error(Exit::data, "the contact cache is not as kith wrote it"); }
    std::string_view take(std::size_t n) {
        if (n > in_.size()) corrupt();
        const std::string_view out = in_.substr(0, n);
        in_.remove_prefix(n);
        return out;
    }

    std::string_view in_;
};

void encode_event(Encoder& out, const Event& event) {
    out.integer(static_cast<std::int64_t>(event.type));
    out.date_time(event.date);
    out.text(event.note);
    out.text(event.via);
    out.integer(event.at.has_value());
    if (event.at) out.date_time(*event.at);
    out.text(event.where);
    out.integer(event.is_virtual);
    out.text(event.notes);
    out.texts(event.learned);
    out.texts(event.referrals);
    out.other_fields(event.other_fields);
    out.integer(static_cast<std::int64_t>(event.line));
}

Event decode_event(Decoder& in) {
    Event event;
    const std::int64_t type = in.integer();
    if (type < 0 || type > static_cast<std::int64_t>(EventType::moved_on))
        throw Error(Exit::data, "the contact cache is not as kith wrote it");
    event.type = static_cast<EventType>(type);
    event.date = in.date_time();
    event.note = in.text();
    event.via = in.text();
    if (in.integer() != 0) event.at = in.date_time();
    event.where = in.text();
    event.is_virtual = in.integer() != 0;
    event.notes = in.text();
    event.learned = in.texts();
    event.referrals = in.texts();
    event.other_fields = in.other_fields();
    event.line = static_cast<std::size_t>(in.integer());
    return event;
}

}  // namespace

bool settled(const FileStamp& stamp, std::int64_t now_ns) {
    constexpr std::int64_t two_seconds = 2'000'000'000;
    return stamp.changed_ns < now_ns - two_seconds && stamp.modified_ns < now_ns - two_seconds;
}

std::string encode_contact(const Contact& contact) {
    Encoder out;
    for (const std::string* field : {&contact.name, &contact.email, &contact.phone, &contact.company, &contact.role,
                                     &contact.linkedin, &contact.location, &contact.source, &contact.referred_by})
        out.text(*field);
    out.texts(contact.tags);
    out.integer(contact.keep_in_touch.has_value());
    if (contact.keep_in_touch) {
        out.integer(contact.keep_in_touch->length.count());
        out.integer(contact.keep_in_touch->never);
        out.text(contact.keep_in_touch->spelling);
    }
    out.integer(contact.added.has_value());
    if (contact.added) out.integer(contact.added->time_since_epoch().count());
    out.other_fields(contact.other_fields);
    out.integer(static_cast<std::int64_t>(contact.events.size()));
    for (const Event& event : contact.events)
        encode_event(out, event);
    out.integer(static_cast<std::int64_t>(contact.email_line));
    out.integer(static_cast<std::int64_t>(contact.referred_by_line));
    return out.take();
}

Contact decode_contact(std::string_view bytes, std::string slug) {
    Decoder in(bytes);
    Contact contact;
    contact.slug = std::move(slug);
    for (std::string* field : {&contact.name, &contact.email, &contact.phone, &contact.company, &contact.role,
                               &contact.linkedin, &contact.location, &contact.source, &contact.referred_by})
        *field = in.text();
    contact.tags = in.texts();
    if (in.integer() != 0) {
        Duration cadence;
        cadence.length = std::chrono::hours{in.integer()};
        cadence.never = in.integer() != 0;
        cadence.spelling = in.text();
        contact.keep_in_touch = std::move(cadence);
    }
    if (in.integer() != 0) contact.added = Date{date::days{in.integer()}};
    contact.other_fields = in.other_fields();
    contact.events.resize(in.count(15 * sizeof(std::int64_t)));  // an event takes 15 integers at least
    for (Event& event : contact.events)
        event = decode_event(in);
    contact.email_line = static_cast<std::size_t>(in.integer());
    contact.referred_by_line = static_cast<std::size_t>(in.integer());
    if (!in.done()) throw Error(Exit::data, "the contact cache is not as kith wrote it");
    return contact;
}

std::string write_cache(std::span<const CacheEntry> entries) {
    Encoder out;
    out.text(cache_header());
    out.integer(static_cast<std::int64_t>(entries.size()));
    for (const CacheEntry& entry : entries) {
        out.text(entry.slug);
        out.integer(static_cast<std::int64_t>(entry.stamp.device));
        out.integer(static_cast<std::int64_t>(entry.stamp.inode));
        out.integer(static_cast<std::int64_t>(entry.stamp.size));
        out.integer(entry.stamp.modified_ns);
        out.integer(entry.stamp.changed_ns);
        out.text(entry.contact);
    }
    return out.take();
}

std::vector<CacheEntry> read_cache(std::string_view text) {
    try {
        Decoder in(text);
        if (in.text_view() != cache_header()) return {};
        std::vector<CacheEntry> out(in.count(7 * sizeof(std::int64_t)));
        for (CacheEntry& entry : out) {
            entry.slug = in.text();
            entry.stamp.device = static_cast<std::uint64_t>(in.integer());
            entry.stamp.inode = static_cast<std::uint64_t>(in.integer());
            entry.stamp.size = static_cast<std::uint64_t>(in.integer());
            entry.stamp.modified_ns = in.integer();
            entry.stamp.changed_ns = in.integer();
            entry.contact = in.text_view();
        }
        if (!in.done() ||
            !std::is_sorted(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.slug < b.slug; }))
            return {};
        return out;
    } catch (const Error&) {
        return {};
    }
}

}  // namespace kith
