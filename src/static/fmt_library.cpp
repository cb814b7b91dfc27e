// fmt's compiled part, built into a static discrec (CMakeLists.txt, DISCREC_STATIC).
//
// Debian's libfmt-dev ships libfmt only as a shared library, and FMT_HEADER_ONLY recompiles
// format-inl.h in every translation unit (2.5-3.5 s more per file here, a minute per build).
// Instead this one file compiles format-inl.h from the same Debian headers with FMT_FUNC
// non-inline, which defines every non-template fmt function once, and instantiates the
// templates that fmt declares in its headers but defines only in format-inl.h: the four that
// <fmt/format.h> declares `extern template` (thousands_sep_impl, decimal_point_impl) and
// dragonbox::to_decimal (floating-point formatting). A missing one is an undefined symbol when
// discrec links, never a silent difference.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;

}  // namespace detail
FMT_END_NAMESPACE
