// SHA-1 (FIPS 180-4 §6.1), for the MusicBrainz disc ID of an audio CD (mmc/disc_id.hpp): the
// one hash discrec needs, too small to take a library for. Not for anything secret.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "util/bytes.hpp"

namespace discrec {

using Sha1Digest = std::array<std::uint8_t, 20>;

Sha1Digest sha1(ByteSpan data) noexcept;
Sha1Digest sha1(std::string_view text) noexcept;

}  // namespace discrec
