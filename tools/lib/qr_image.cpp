// SPDX-License-Identifier: MIT
// paygw tools — QR symbols as images (see qr_image.hpp). Built with PAYGW_HAVE_QRENCODE when
// libqrencode is found and PAYGW_HAVE_PNG when libpng is.
#include "qr_image.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>

#ifdef PAYGW_HAVE_QRENCODE
#include <qrencode.h>
#endif
#ifdef PAYGW_HAVE_PNG
#include <png.h>

#include <csetjmp>
#endif

namespace paygw::qrimage {

std::optional<Level> parse_level(std::string_view text) {
  if (text.size() != 1) return std::nullopt;
  switch (std::toupper(static_cast<unsigned char>(text[0]))) {
    case 'L': return Level::kL;
    case 'M': return Level::kM;
    case 'Q': return Level::kQ;
    case 'H': return Level::kH;
    default: return std::nullopt;
  }
}

const char* to_string(Level level) {
  switch (level) {
    case Level::kL: return "L";
    case Level::kM: return "M";
    case Level::kQ: return "Q";
    case Level::kH: return "H";
  }
  return "?";
}

bool encoder_available() {
#ifdef PAYGW_HAVE_QRENCODE
  return true;
#else
  return false;
#endif
}

bool png_available() {
#if defined(PAYGW_HAVE_QRENCODE) && defined(PAYGW_HAVE_PNG)
  return true;
#else
  return false;
#endif
}

std::string missing_encoder_hint() { return "libqrencode (Debian: libqrencode-dev)"; }
std::string missing_png_hint() {
  return encoder_available() ? "libpng (Debian: libpng-dev)"
                             : "libqrencode and libpng (Debian: libqrencode-dev libpng-dev)";
}

std::optional<Symbol> encode(std::string_view text, Level level, std::string* error) {
  if (text.empty()) {
    *error = "nothing to encode";
    return std::nullopt;
  }
  if (text.find('\0') != std::string_view::npos) {
    *error = "the text holds a NUL character";
    return std::nullopt;
  }
#ifdef PAYGW_HAVE_QRENCODE
  static constexpr QRecLevel kLevels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
  const std::string copy(text);  // NUL-terminated
  errno = 0;
  QRcode* code = QRcode_encodeString(copy.c_str(), 0, kLevels[static_cast<int>(level)], QR_MODE_8, 1);
  if (code == nullptr) {
    *error = errno == ERANGE ? "the text (" + std::to_string(text.size()) +
                                   " bytes) does not fit a QR symbol at error-correction level " + to_string(level)
                             : std::string("libqrencode failed: ") + std::strerror(errno);
    return std::nullopt;
  }
  Symbol s;
  s.version = code->version;
  s.width = code->width;
  s.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
  for (std::size_t i = 0; i < s.dark.size(); ++i) s.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark module
  QRcode_free(code);
  return s;
#else
  (void)level;
  *error = "QR images are unavailable: this build has no " + missing_encoder_hint();
  return std::nullopt;
#endif
}

std::string to_svg(const Symbol& symbol, int margin, int scale) {
  const int side = symbol.width + 2 * margin;
  const std::string px = std::to_string(side * scale), units = std::to_string(side);
  std::string path;
  for (int y = 0; y < symbol.width; ++y) {
    for (int x = 0; x < symbol.width;) {
      if (!symbol.at(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < symbol.width && symbol.at(x + run, y)) ++run;
      path += "M" + std::to_string(x + margin) + " " + std::to_string(y + margin) + "h" + std::to_string(run) + "v1h-" +
              std::to_string(run) + "z";
      x += run;
    }
  }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px + "\" height=\"" + px + "\" viewBox=\"0 0 " + units +
         " " + units + "\" shape-rendering=\"crispEdges\"><rect width=\"" + units + "\" height=\"" + units +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

std::string to_terminal(const Symbol& symbol, int margin) {
  const int side = symbol.width + 2 * margin;
  auto dark = [&](int x, int y) {  // in quiet-zone coordinates
    x -= margin;
    y -= margin;
    return x >= 0 && y >= 0 && x < symbol.width && y < symbol.width && symbol.at(x, y);
  };
  std::string out;
  for (int y = 0; y < side; y += 2) {
    out += "\x1b[30;107m";  // black modules on a bright white background
    for (int x = 0; x < side; ++x) {
      const bool top = dark(x, y), bottom = dark(x, y + 1);
      out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    out += "\x1b[0m\n";
  }
  return out;
}

#ifdef PAYGW_HAVE_PNG
namespace {
void append_bytes(png_structp png, png_bytep data, png_size_t n) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), n);
}
void png_error_fn(png_structp png, png_const_charp message) {
  *static_cast<std::string*>(png_get_error_ptr(png)) = message;
  longjmp(png_jmpbuf(png), 1);
}
void png_warning_fn(png_structp, png_const_charp) {}
}  // namespace
#endif

std::optional<std::string> to_png(const Symbol& symbol, int margin, int scale, std::string* error) {
#ifdef PAYGW_HAVE_PNG
  const int side = (symbol.width + 2 * margin) * scale;
  const std::size_t row_bytes = (static_cast<std::size_t>(side) + 7) / 8;
  std::vector<std::vector<png_byte>> rows(static_cast<std::size_t>(side), std::vector<png_byte>(row_bytes, 0));
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const int mx = x / scale - margin, my = y / scale - margin;
      const bool is_dark = mx >= 0 && my >= 0 && mx < symbol.width && my < symbol.width && symbol.at(mx, my);
      if (!is_dark) rows[y][x / 8] |= static_cast<png_byte>(0x80u >> (x % 8));  // 1 = white in 1-bit grey
    }
  }
  std::string out, message;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &message, png_error_fn, png_warning_fn);
  png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
  if (png == nullptr || info == nullptr) {
    png_destroy_write_struct(&png, &info);
    *error = "libpng: out of memory";
    return std::nullopt;
  }
  std::vector<png_bytep> pointers;
  for (auto& row : rows) pointers.push_back(row.data());
  if (setjmp(png_jmpbuf(png)) != 0) {
    png_destroy_write_struct(&png, &info);
    *error = "libpng: " + message;
    return std::nullopt;
  }
  png_set_write_fn(png, &out, append_bytes, nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 1, PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, pointers.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
#else
  (void)symbol;
  (void)margin;
  (void)scale;
  *error = "PNG output is unavailable: this build has no " + missing_png_hint();
  return std::nullopt;
#endif
}

std::string base64(std::string_view bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out.push_back(digits[(v >> k) & 63]);
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(digits[(v >> 18) & 63]);
    out.push_back(digits[(v >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? digits[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace paygw::qrimage
