// SPDX-License-Identifier: MIT
// paygw tools — QR symbols as images, shared by the CLI (`paygw qr build --png/--svg/--terminal`,
// `paygw qr render`) and the sandbox's device screens (`/_sandbox/`). Not part of the library.
//
// The module matrix comes from libqrencode (Debian libqrencode-dev); PNG files are written with
// libpng (libpng-dev, which brings zlib). Both are optional at build time: encoder_available() and
// png_available() say what this build has, and the functions that need a missing one return an
// error saying so. SVG and terminal output need nothing beyond the matrix.
//
// Defaults (docs/vietqr.md, ADR 0023): error-correction level M, a quiet zone of 4 modules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::qrimage {

/// Error-correction level (ISO/IEC 18004): about 7, 15, 25 or 30 % of the symbol may be lost.
enum class Level { kL, kM, kQ, kH };

/// What VietQR images use unless told otherwise.
inline constexpr Level kDefaultLevel = Level::kM;
/// ISO/IEC 18004's minimum light margin around a QR symbol, in modules.
inline constexpr int kQuietZone = 4;
/// Pixels per module of a PNG unless told otherwise.
inline constexpr int kDefaultScale = 8;

/// A QR symbol: `width` x `width` modules, row-major, true = dark.
struct Symbol {
  int version = 0;
  int width = 0;
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x]; }
};

/// "L", "M", "Q", "H" -> Level (case-insensitive); nullopt otherwise.
std::optional<Level> parse_level(std::string_view text);
/// "L", "M", "Q" or "H".
const char* to_string(Level level);

/// Whether this build can encode (libqrencode) and write PNG (libpng).
bool encoder_available();
bool png_available();
/// What to install for a missing capability, e.g. "libqrencode (Debian: libqrencode-dev)".
std::string missing_encoder_hint();
std::string missing_png_hint();

/// The smallest symbol holding `text` (its bytes, UTF-8 as is, no ECI) at `level`; the encoder
/// picks numeric/alphanumeric/byte segments. nullopt with `*error` set when the text is empty,
/// holds a NUL, does not fit a version-40 symbol, or the encoder is not built in.
std::optional<Symbol> encode(std::string_view text, Level level, std::string* error);

/// A standalone SVG: one path of dark modules on a white square, `margin` light modules around,
/// `scale` user units (pixels) per module, crisp edges.
std::string to_svg(const Symbol& symbol, int margin, int scale);

/// The symbol for a terminal: Unicode half blocks (one character = one module wide, two high),
/// black on white forced with ANSI colours so that it scans on dark and light themes alike;
/// `margin` light modules around. Each line ends with "\x1b[0m\n".
std::string to_terminal(const Symbol& symbol, int margin);

/// PNG bytes (1-bit greyscale, `scale` pixels per module, `margin` light modules around) written
/// with libpng. nullopt with `*error` set when libpng is not built in or fails.
std::optional<std::string> to_png(const Symbol& symbol, int margin, int scale, std::string* error);

/// Standard base64 (RFC 4648, with padding), for data: URLs.
std::string base64(std::string_view bytes);

}  // namespace paygw::qrimage
