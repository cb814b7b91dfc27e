// Aligned text tables: every column as wide as its widest cell, two spaces between columns.
#pragma once

#include <string>
#include <vector>

#include "output/color.hpp"

namespace discrec::output {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers);
    void add_row(std::vector<std::string> cells);
    // color: the header line in bold (widths are measured on the plain text).
    [[nodiscard]] std::string render(bool color = false) const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

// "key: value" blocks with the keys padded to one width.
class KeyValueBlock {
public:
    // tone: how the value is coloured when render() is asked for colour.
    void add(std::string key, std::string value, Tone tone = Tone::plain);
    [[nodiscard]] std::string render(bool color = false) const;

private:
    struct Row {
        std::string key;
        std::string value;
        Tone tone;
    };
    std::vector<Row> m_rows;
};

}  // namespace discrec::output
