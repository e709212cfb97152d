// The content-line codec of vCard and iCalendar.
#include "formats/content_line.hpp"

#include <iconv.h>
#include <cerrno>
#include <charconv>

namespace kith {

namespace {

// "=C3=89mile" -> "Émile" (vCard 2.1's ENCODING=QUOTED-PRINTABLE).
std::string decode_quoted_printable(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned byte = 0;
        if (text[i] == '=' && i + 3 <= text.size() &&
            std::from_chars(text.data() + i + 1, text.data() + i + 3, byte, 16).ptr == text.data() + i + 3) {
            out += static_cast<char>(byte);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

bool is_card_boundary(std::string_view line) {
    const std::string word = ascii_uppercase(trimmed(line));
    return word == "BEGIN:VCARD" || word == "END:VCARD";
}

std::vector<LogicalLine> unfolded_lines(std::string_view text) {
    std::vector<LogicalLine> lines;
    bool soft_break = false;
    for (const Line& physical : split_lines(text, LineEnds::lf_or_lone_cr)) {
        const std::string_view line = physical.text;
        const bool folded = !lines.empty() && (line.starts_with(' ') || line.starts_with('\t'));
        if (soft_break && !is_card_boundary(line)) {
            lines.back().text.pop_back();
            lines.back().text += line;
        } else if (folded) {
            lines.back().text += line.substr(1);
        } else {
            lines.push_back(LogicalLine{physical.number, std::string(line)});
        }
        soft_break = lines.back().continues_quoted_printable();
    }
    return lines;
}

std::optional<Property> parse_property(LogicalLine& logical) {
    const std::size_t colon = logical.value_colon();
    if (colon == std::string::npos) return std::nullopt;
    const std::string_view line = logical.text;
    Property property;
    property.value = line.substr(colon + 1);
    property.line = logical.number;

    std::vector<std::string> parts(1);  // the name, then each parameter
    bool quoted = false;
    for (const char c : line.substr(0, colon)) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ';' && !quoted)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    std::string name = ascii_uppercase(trimmed(parts[0]));
    if (const std::size_t dot = name.rfind('.'); dot != std::string::npos) name.erase(0, dot + 1);  // item1.EMAIL
    property.name = std::move(name);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::size_t equals = parts[i].find('=');
        // vCard 2.1 writes a type alone: TEL;CELL:...
        const std::string parameter =
            equals == std::string::npos ? "TYPE" : ascii_uppercase(trimmed(parts[i].substr(0, equals)));
        const std::string values = equals == std::string::npos ? parts[i] : parts[i].substr(equals + 1);
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = values.find(',', start);
            property.parameters.push_back({parameter, trimmed(values.substr(start, comma - start))});
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return property;
}

bool is_base64(const Property& p) {
    return p.has("ENCODING", "b") || p.has("ENCODING", "base64") || p.has("TYPE", "base64");
}

std::optional<std::string> to_utf8(std::string_view bytes, const std::string& charset) {
    const iconv_t convert = ::iconv_open("UTF-8", charset.c_str());
    if (convert == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string in(bytes);
    std::string out(2 * bytes.size() + 16, '\0');
    char* from = in.data();
    std::size_t from_left = in.size();
    char* to = out.data();
    std::size_t to_left = out.size();
    // Runs iconv on the input (or, with none, flushes what the decoder
    // holds), growing the output as often as it is full.
    const auto run = [&](bool flush) {
        while (true) {
            const std::size_t result = flush ? ::iconv(convert, nullptr, nullptr, &to, &to_left)
                                             : ::iconv(convert, &from, &from_left, &to, &to_left);
            if (result != static_cast<std::size_t>(-1)) return true;
            if (errno != E2BIG) return false;  // EILSEQ, EINVAL: not in that charset, or cut short
            const std::size_t written = out.size() - to_left;
            out.resize(2 * out.size());
            to = out.data() + written;
            to_left = out.size() - written;
        }
    };
    const bool converted = run(false) && run(true);
    ::iconv_close(convert);
    if (!converted) return std::nullopt;
    out.resize(out.size() - to_left);
    return out;
}

std::optional<std::string> other_charset(const Property& p) {
    const auto charset = p.parameter("CHARSET");
    if (!charset || ascii_lowercase(*charset) == "utf-8" || ascii_lowercase(*charset) == "utf8") return std::nullopt;
    return charset;
}

std::string raw_bytes(const Property& p) {
    return p.has("ENCODING", "quoted-printable") || p.has("TYPE", "quoted-printable") ? decode_quoted_printable(p.value)
                                                                                      : p.value;
}

std::string raw_value(const Property& p) {
    const std::string bytes = raw_bytes(p);
    const auto charset = other_charset(p);
    return charset ? to_utf8(bytes, *charset).value_or(bytes) : bytes;
}

std::vector<std::string> split_unescaped(std::string_view text, std::optional<char> separator) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            if (next != '\r') parts.back() += next == 'n' || next == 'N' ? '\n' : next;
        } else if (c == separator) {
            parts.emplace_back();
        } else if (c != '\r') {  // a stray CR is a line end's, never text (and no vCard can write it)
            parts.back() += c;
        }
    }
    return parts;
}

std::string escape_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == ',' || c == ';') out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out;
}

std::string fold_content_line(std::string_view line) {
    std::string out;
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;  // after the space that marks the continuation
    }
    out.append(line);
    out += "\r\n";
    return out;
}

}  // namespace kith
