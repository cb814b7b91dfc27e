#include "output/cd_detail.hpp"

#include <fmt/format.h>

#include <map>

#include "mmc/media.hpp"
#include "mmc/tables/cd_layouts.hpp"
#include "output/fields.hpp"
#include "output/json_document.hpp"

namespace discrec::output {
namespace {

using Json = nlohmann::ordered_json;

bool has_fields(const std::optional<mmc::Record>& r) { return r && !r->values.empty(); }

Json record_or_null(const std::optional<mmc::Record>& r) {
    return has_fields(r) ? fields_json(*r) : Json(nullptr);
}

// ------------------------------------------------------------------ Full TOC

std::string full_toc_line(const mmc::Record& d) {
    const auto* point = d.find("point");
    const auto* control = d.find("control");
    const std::string meaning = mmc::full_toc_point_text(d);
    return fmt::format("    Session {}, point {:02X}h{}: {}{}ADR {}, CONTROL {}\n",
                       mmc::number_of(d, "session").value_or(0),
                       mmc::number_of(d, "point").value_or(0),
                       point != nullptr && !point->text.empty() ? " (" + point->text + ")" : "",
                       meaning, meaning.empty() ? "" : "; ", mmc::number_of(d, "adr").value_or(0),
                       control != nullptr ? value_text(*control) : "?");
}

void append_full_toc(std::string& out, const mmc::Record& toc) {
    out += fmt::format("  Full TOC (sessions {} to {}):\n",
                       mmc::number_of(toc, "first_session").value_or(0),
                       mmc::number_of(toc, "last_session").value_or(0));
    if (const auto* list = toc.find("descriptors")) {
        for (const auto& d : list->items) out += full_toc_line(d);
    }
}

Json full_toc_json(const mmc::Record& toc) {
    Json j = fields_json(toc);
    if (const auto* list = toc.find("descriptors")) {
        for (std::size_t i = 0; i < list->items.size() && i < j["descriptors"].size(); ++i) {
            const std::string meaning = mmc::full_toc_point_text(list->items[i]);
            j["descriptors"][i]["meaning"] = meaning.empty() ? Json(nullptr) : Json(meaning);
        }
    }
    return j;
}

// ------------------------------------------------------------------ CD-TEXT

// The block's strings by track (0: the disc), in pack type order.
std::map<std::uint8_t, std::vector<const mmc::CdTextItem*>> by_track(const mmc::CdTextBlock& b) {
    std::map<std::uint8_t, std::vector<const mmc::CdTextItem*>> out;
    for (const auto& item : b.items) out[item.track].push_back(&item);
    return out;
}

std::string block_heading(const mmc::CdTextBlock& b) {
    std::string h = fmt::format("    Block {}:", b.block);
    if (b.character_code) h += " " + mmc::cd_text_character_code_name(*b.character_code);
    if (b.language) h += ", " + mmc::cd_text_language_name(*b.language);
    if (b.first_track && b.last_track)
        h += fmt::format(", tracks {} to {}", *b.first_track, *b.last_track);
    return h + "\n";
}

void append_cd_text(std::string& out, const mmc::CdText& t) {
    const auto* packs = t.packs.find("packs");
    out += fmt::format("  CD-TEXT ({} packs, {} with a bad CRC):\n",
                       packs != nullptr ? packs->items.size() : 0, t.bad_crc);
    for (const auto& b : t.blocks) {
        out += block_heading(b);
        if (b.genre) {
            out += fmt::format("      Genre: {}{}\n", mmc::cd_text_genre_name(*b.genre),
                               b.genre_text.empty() ? "" : " (" + b.genre_text + ")");
        }
        for (const auto& [track, items] : by_track(b)) {
            std::string line;
            for (const auto* item : items) {
                line += fmt::format("{}{} {}{}", line.empty() ? "" : ", ",
                                    mmc::cd_text_item_label(item->pack_type),
                                    item->converted ? "\"" + item->text + "\"" : item->text,
                                    item->converted ? "" : " (hex)");
            }
            out += track == 0 ? fmt::format("      Disc: {}\n", line)
                              : fmt::format("      Track {}: {}\n", track, line);
        }
    }
}

Json named_json(std::optional<std::uint8_t> code, std::string (*namer)(std::uint8_t)) {
    if (!code) return nullptr;
    return {{"value", *code}, {"string", namer(*code)}};
}

Json strings_json(const std::vector<const mmc::CdTextItem*>& items) {
    Json j = Json::object();
    for (const auto* item : items) j[std::string(item->key)] = item->text;
    return j;
}

Json cd_text_block_json(const mmc::CdTextBlock& b) {
    Json j;
    j["block"] = b.block;
    j["character_code"] = named_json(b.character_code, mmc::cd_text_character_code_name);
    j["language"] = named_json(b.language, mmc::cd_text_language_name);
    j["first_track"] = optional_json(b.first_track);
    j["last_track"] = optional_json(b.last_track);
    j["genre"] = b.genre ? Json{{"value", *b.genre},
                                {"string", mmc::cd_text_genre_name(*b.genre)},
                                {"text", b.genre_text}}
                         : Json(nullptr);
    j["text_in_hex"] =
        std::any_of(b.items.begin(), b.items.end(), [](const auto& i) { return !i.converted; });
    const auto tracks = by_track(b);
    const auto disc = tracks.find(0);
    j["disc"] = disc != tracks.end() ? strings_json(disc->second) : Json::object();
    Json list = Json::array();
    for (const auto& [track, items] : tracks) {
        if (track == 0) continue;
        Json t = {{"track", track}};
        t.update(strings_json(items));
        list.push_back(t);
    }
    j["tracks"] = list;
    return j;
}

Json cd_text_json(const mmc::CdText& t, bool with_packs) {
    Json j;
    const auto* packs = t.packs.find("packs");
    j["packs"] = packs != nullptr ? packs->items.size() : 0;
    j["bad_crc"] = t.bad_crc;
    Json blocks = Json::array();
    for (const auto& b : t.blocks) blocks.push_back(cd_text_block_json(b));
    j["blocks"] = blocks;
    if (with_packs) j["pack_list"] = packs != nullptr ? value_json(*packs) : Json::array();
    return j;
}

Json disc_ids_json(const std::optional<mmc::DiscIds>& ids) {
    if (!ids) return nullptr;
    return {{"musicbrainz", ids->musicbrainz},
            {"musicbrainz_toc", ids->musicbrainz_toc},
            {"freedb", fmt::format("{:08x}", ids->freedb)}};
}

// "1234567890123", or why there is none ("not valid" when MCVal/TCVal is clear).
std::string sub_channel_code_text(const mmc::Record& r, std::string_view key) {
    const auto* v = r.find(key);
    if (v == nullptr) return "not in the answer";
    return v->valid ? v->text : "none (its valid bit is clear)";
}

void append_sub_channel_codes(std::string& out, const drive::CdDetail& cd) {
    if (has_fields(cd.media_catalog_number)) {
        out += fmt::format("  Media catalog number: {}\n",
                           sub_channel_code_text(*cd.media_catalog_number, "media_catalog_number"));
    }
    if (cd.isrc.empty()) return;
    std::string line;
    for (const auto& r : cd.isrc) {
        line +=
            fmt::format("{}track {} {}", line.empty() ? "" : ", ",
                        mmc::number_of(r, "track").value_or(0), sub_channel_code_text(r, "isrc"));
    }
    out += fmt::format("  ISRC: {}\n", line);
}

Json isrc_json(const std::vector<mmc::Record>& isrc) {
    Json a = Json::array();
    for (const auto& r : isrc) a.push_back(fields_json(r));
    return a;
}

bool has_packs(const std::optional<mmc::CdText>& t) { return t && !t->packs.values.empty(); }

void append_record(std::string& out, std::string_view heading, const mmc::Record& r) {
    out += fmt::format("  {}:\n", heading);
    append_fields_text(out, r, FieldTextStyle{.indent = "    ", .align = true});
}

void add_notes(std::vector<std::string>& into, const std::vector<std::string>& notes) {
    into.insert(into.end(), notes.begin(), notes.end());
}

}  // namespace

std::optional<std::string> cd_media_id(const drive::CdDetail& cd) {
    if (!has_fields(cd.atip)) return std::nullopt;
    const auto* maker = cd.atip->find("disc_manufacturer");
    if (maker == nullptr) return std::nullopt;
    return maker->text;
}

void append_cd_detail_text(std::string& out, const drive::CdDetail& cd) {
    if (cd.disc_ids) {
        out += fmt::format("  Disc IDs: MusicBrainz {}, freedb {:08x}\n", cd.disc_ids->musicbrainz,
                           cd.disc_ids->freedb);
    }
    if (has_fields(cd.atip)) append_record(out, "ATIP", *cd.atip);
    if (has_fields(cd.pma)) append_record(out, "PMA", *cd.pma);
    append_sub_channel_codes(out, cd);
    if (has_fields(cd.full_toc)) append_full_toc(out, *cd.full_toc);
    if (has_packs(cd.cd_text)) append_cd_text(out, *cd.cd_text);
}

Json cd_detail_json(const drive::CdDetail& cd) {
    Json j;
    j["atip"] = record_or_null(cd.atip);
    j["full_toc"] = has_fields(cd.full_toc) ? full_toc_json(*cd.full_toc) : Json(nullptr);
    j["pma"] = record_or_null(cd.pma);
    j["cd_text"] = has_packs(cd.cd_text) ? cd_text_json(*cd.cd_text, false) : Json(nullptr);
    j["disc_ids"] = disc_ids_json(cd.disc_ids);
    j["media_catalog_number"] = record_or_null(cd.media_catalog_number);
    j["isrc"] = isrc_json(cd.isrc);
    return j;
}

std::vector<std::string> cd_detail_notes(const drive::CdDetail& cd) {
    std::vector<std::string> notes;
    for (const auto* r : {&cd.atip, &cd.full_toc, &cd.pma}) {
        if (*r) add_notes(notes, (*r)->notes);
    }
    if (cd.cd_text) add_notes(notes, cd.cd_text->notes);
    if (cd.disc_ids) add_notes(notes, cd.disc_ids->notes);
    if (cd.media_catalog_number) add_notes(notes, cd.media_catalog_number->notes);
    for (const auto& r : cd.isrc) add_notes(notes, r.notes);
    return notes;
}

bool decode_cd_answer(CdKind kind, ByteSpan data, CdAnswer& out) {
    auto& d = out.detail;
    out.kind = kind;
    switch (kind) {
        case CdKind::atip:
            d.atip = mmc::decode_atip(data);
            return has_fields(d.atip);
        case CdKind::full_toc:
            d.full_toc = mmc::decode_full_toc(data);
            return has_fields(d.full_toc);
        case CdKind::pma:
            d.pma = mmc::decode_pma(data);
            return has_fields(d.pma);
        case CdKind::cd_text:
            d.cd_text = mmc::decode_cd_text(data);
            return has_packs(d.cd_text);
        case CdKind::sub_channel: {
            auto r = mmc::decode_sub_channel(data);
            const bool usable = !r.values.empty();
            if (r.layout == &mmc::isrc_layout())
                d.isrc.push_back(std::move(r));
            else
                d.media_catalog_number = std::move(r);
            return usable;
        }
    }
    return false;
}

void print_decoded_cd(const OutputOptions& options, const CdAnswer& a) {
    const auto notes = cd_detail_notes(a.detail);
    if (!options.json) {
        std::string out = fmt::format("Source: {}\n", a.inhex_path);
        if (auto id = cd_media_id(a.detail)) out += fmt::format("  Media ID: {}\n", *id);
        if (a.kind == CdKind::sub_channel) {
            const auto& d = a.detail;
            append_record(out, "Sub-channel", d.isrc.empty() ? *d.media_catalog_number : d.isrc[0]);
        } else {
            append_cd_detail_text(out, a.detail);
        }
        for (const auto& n : notes) out += fmt::format("  Note: {}\n", n);
        std::fputs(out.c_str(), stdout);
        return;
    }
    auto doc = document_head(options);
    doc["source"] = {{"inhex", a.inhex_path}};
    const auto& d = a.detail;
    switch (a.kind) {
        case CdKind::atip:
            doc["media_id"] = optional_json(cd_media_id(d));
            doc["atip"] = record_or_null(d.atip);
            break;
        case CdKind::full_toc:
            doc["full_toc"] = full_toc_json(*d.full_toc);
            break;
        case CdKind::pma:
            doc["pma"] = record_or_null(d.pma);
            break;
        case CdKind::cd_text:
            doc["cd_text"] = cd_text_json(*d.cd_text, true);
            break;
        case CdKind::sub_channel:
            doc["sub_channel"] =
                d.isrc.empty() ? record_or_null(d.media_catalog_number) : fields_json(d.isrc[0]);
            break;
    }
    doc["notes"] = notes;
    finish_document(doc, ExitCode::ok, nullptr);
}

}  // namespace discrec::output
