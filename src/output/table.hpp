// Aligned text tables: every column as wide as its widest cell, two spaces between columns.
#pragma once

#include <string>
#include <vector>

namespace discrec::output {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers);
    void add_row(std::vector<std::string> cells);
    [[nodiscard]] std::string render() const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

// "key: value" blocks with the keys padded to one width.
class KeyValueBlock {
public:
    void add(std::string key, std::string value);
    [[nodiscard]] std::string render() const;

private:
    std::vector<std::pair<std::string, std::string>> m_rows;
};

}  // namespace discrec::output
