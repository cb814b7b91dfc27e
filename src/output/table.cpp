#include "output/table.hpp"

#include <algorithm>

namespace discrec::output {

TextTable::TextTable(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

void TextTable::add_row(std::vector<std::string> cells) {
    cells.resize(m_headers.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::render(bool color) const {
    std::vector<std::size_t> widths(m_headers.size());
    for (std::size_t i = 0; i < m_headers.size(); ++i) widths[i] = m_headers[i].size();
    for (const auto& row : m_rows) {
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out += cells[i];
            if (i + 1 < cells.size()) out.append(widths[i] - cells[i].size() + 2, ' ');
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    };
    std::string out = paint(color, Tone::heading, line(m_headers)) + '\n';
    for (const auto& row : m_rows) out += line(row) + '\n';
    return out;
}

void KeyValueBlock::add(std::string key, std::string value, Tone tone) {
    m_rows.push_back({std::move(key), std::move(value), tone});
}

std::string KeyValueBlock::render(bool color) const {
    std::size_t width = 0;
    for (const auto& row : m_rows) width = std::max(width, row.key.size());
    std::string out;
    for (const auto& row : m_rows) {
        out += row.key;
        out += ':';
        out.append(width - row.key.size() + 1, ' ');
        out += paint(color, row.tone, row.value);
        out += '\n';
    }
    return out;
}

}  // namespace discrec::output
