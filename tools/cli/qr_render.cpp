// SPDX-License-Identifier: MIT
// paygw CLI — QR images (see qr_render.hpp).
#include "qr_render.hpp"

#include "qr_image.hpp"

#include <fstream>

namespace paygw::cli {
namespace {

std::string unavailable(bool png) {
  return " (unavailable in this build: needs " + (png ? qrimage::missing_png_hint() : qrimage::missing_encoder_hint()) +
         ")";
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << bytes;
  file.close();
  if (!file) throw UsageError{"cannot write " + path};
}

}  // namespace

void add_image_flags(CLI::App& c, ImageRequest& r) {
  const std::string no_encoder = qrimage::encoder_available() ? "" : unavailable(false);
  const std::string no_png = qrimage::png_available() ? "" : unavailable(true);
  c.add_option("--png", r.png, "Write the QR as a PNG image to FILE" + no_png)->type_name("FILE");
  c.add_option("--svg", r.svg, "Write the QR as an SVG image to FILE" + no_encoder)->type_name("FILE");
  c.add_flag(
      "--terminal", r.terminal,
      "Draw the QR on standard output with Unicode half blocks, black on white (not with --json/--raw)" + no_encoder);
  c.add_option("--ec", r.level, "Error-correction level L, M (15 %, VietQR's usual), Q or H")
      ->check(CLI::IsMember({"L", "M", "Q", "H"}, CLI::ignore_case))
      ->capture_default_str();
  c.add_option("--scale", r.scale, "PNG pixels (SVG units) per module")
      ->check(whole_number(1, 64))
      ->capture_default_str();
  c.add_option("--margin", r.margin, "Quiet zone in modules (ISO/IEC 18004 asks for at least 4)")
      ->check(whole_number(0, 64))
      ->capture_default_str();
}

std::string render_images(const Context& ctx, const ImageRequest& r, const std::string& text, Output& out) {
  if (!r.any()) return "";
  if (r.terminal && (ctx.globals.json || ctx.globals.raw)) {
    throw UsageError{
        "--terminal draws on standard output: it cannot be combined with --json or --raw (use --png or "
        "--svg FILE)"};
  }
  if (!qrimage::encoder_available()) {
    throw UsageError{std::string(!r.png.empty()   ? "--png"
                                 : !r.svg.empty() ? "--svg"
                                                  : "--terminal") +
                     " is unavailable: this paygw was built without " + qrimage::missing_encoder_hint()};
  }
  if (!r.png.empty() && !qrimage::png_available()) {
    throw UsageError{"--png is unavailable: this paygw was built without " + qrimage::missing_png_hint() +
                     " (--svg and --terminal work)"};
  }
  const auto level = qrimage::parse_level(r.level).value_or(qrimage::kDefaultLevel);
  std::string error;
  const auto symbol = qrimage::encode(text, level, &error);
  if (!symbol) throw UsageError{error};
  const int margin = static_cast<int>(r.margin), scale = static_cast<int>(r.scale);
  out.set("qr_version", symbol->version)
      .set("qr_modules", symbol->width)
      .set("ec_level", qrimage::to_string(level))
      .set("margin", margin);
  if (!r.png.empty()) {
    const auto png = qrimage::to_png(*symbol, margin, scale, &error);
    if (!png) throw UsageError{error};
    write_file(r.png, *png);
    out.set("png", r.png);
  }
  if (!r.svg.empty()) {
    write_file(r.svg, qrimage::to_svg(*symbol, margin, scale));
    out.set("svg", r.svg);
  }
  return r.terminal ? qrimage::to_terminal(*symbol, margin) : "";
}

}  // namespace paygw::cli
