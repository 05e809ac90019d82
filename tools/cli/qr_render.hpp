// SPDX-License-Identifier: MIT
// paygw CLI — QR images for `paygw qr build` and `paygw qr render`: the flags (--png, --svg,
// --terminal, --ec, --scale, --margin) and writing what they ask for, through tools/lib/qr_image.
#pragma once

#include "cli.hpp"

#include <string>

namespace paygw::cli {

/// What image flags were given.
struct ImageRequest {
  std::string png;        ///< --png FILE
  std::string svg;        ///< --svg FILE
  bool terminal = false;  ///< --terminal
  std::string level = "M";
  std::int64_t scale = 8;   ///< PNG pixels (SVG units) per module
  std::int64_t margin = 4;  ///< quiet zone, modules

  bool any() const { return !png.empty() || !svg.empty() || terminal; }
};

/// Adds the image flags to `command`; their help says when this build cannot honour them.
void add_image_flags(CLI::App& command, ImageRequest& request);

/// Renders `text` as `request` asks: writes the files, records them (and the symbol's version,
/// width and level) in `out`, and returns what --terminal prints after the result ("" without
/// it). Throws UsageError when this build lacks what is asked for (naming the Debian package),
/// when --terminal is combined with --json/--raw, when a file cannot be written, or when the
/// text does not fit a QR symbol.
std::string render_images(const Context& ctx, const ImageRequest& request, const std::string& text, Output& out);

}  // namespace paygw::cli
