# SPDX-License-Identifier: MIT
# Extracts every ```cpp (or ```c++) block of the Markdown files given as arguments into a C++
# program under the directory `out` (awk -v out=DIR -v root=REPO), and prints one manifest line
# per program: "<name> <kind> <file>:<line>".
#   kind "program":  the block has its own main(); it is compiled as it is (and run against
#                    paygw-sandbox by run.sh).
#   kind "fragment": the block is the body of a main() (after #include <paygw/paygw.hpp> and
#                    "support.hpp"; its own #include lines are hoisted above main); compiled, and
#                    run with no network at all (run.sh): it must end normally, never abort.
# An HTML comment on the lines just before a block (blank lines allowed) tells more:
#   <!-- snippet: continue -->         the block continues the file's previous fragment (same main)
#   <!-- snippet: given DECLARATIONS --> declarations the reader supplies (e.g. a request's body,
#                                        a client: support.hpp), put at the start of main
# `#line` directives make compiler messages point at the Markdown file.
function flush_directives() { dir_continue = 0; dir_given = "" }
function emit(    n, lines, i, includes, body, name) {
  if (body_text ~ /(^|\n)[ \t]*int[ \t]+main[ \t]*\(/) {
    name = sprintf("%s_%d", base, start)
    printf "// Generated from %s:%d by tests/snippets/extract.awk; edit the Markdown, not this file.\n", rel, start > (out "/" name ".cpp")
    printf "#line %d \"%s\"\n%s", start + 1, rel, body_text > (out "/" name ".cpp")
    close(out "/" name ".cpp")
    print name " program " rel ":" start
    return
  }
  n = split(body_text, lines, "\n")
  includes = ""; body = ""
  for (i = 1; i < n; i++) {
    if (lines[i] ~ /^[ \t]*#[ \t]*include/) { includes = includes lines[i] "\n"; body = body "\n" }
    else body = body lines[i] "\n"
  }
  if (dir_continue && (rel in last)) {
    name = last[rel]
    frag_includes[name] = frag_includes[name] includes
    frag_body[name] = frag_body[name] sprintf("#line %d \"%s\"\n", start + 1, rel) body
    frag_where[name] = frag_where[name] "," start
    return
  }
  name = sprintf("%s_%d", base, start)
  order[++count] = name
  last[rel] = name
  frag_rel[name] = rel
  frag_start[name] = start
  frag_where[name] = start
  frag_includes[name] = includes
  frag_given[name] = dir_given
  frag_body[name] = sprintf("#line %d \"%s\"\n", start + 1, rel) body
}
FNR == 1 {
  rel = FILENAME; sub("^" root "/", "", rel)
  base = rel; gsub(/[^A-Za-z0-9]/, "_", base)
  in_block = 0; flush_directives()
}
in_block && /^[ \t]*```[ \t]*$/ { in_block = 0; emit(); flush_directives(); next }
in_block { body_text = body_text $0 "\n"; next }
/^[ \t]*```[ \t]*(cpp|c\+\+)[ \t]*$/ { in_block = 1; start = FNR; body_text = ""; next }
/^[ \t]*<!--[ \t]*snippet:.*-->[ \t]*$/ {
  d = $0; sub(/^[ \t]*<!--[ \t]*snippet:[ \t]*/, "", d); sub(/[ \t]*-->[ \t]*$/, "", d)
  if (d == "continue") dir_continue = 1
  else if (d ~ /^given[ \t]/) { sub(/^given[ \t]+/, "", d); dir_given = dir_given d "\n" }
  else { printf "%s:%d: unknown snippet directive '%s'\n", rel, FNR, d > "/dev/stderr"; bad = 1 }
  next
}
/^[ \t]*$/ { next }
{ flush_directives() }
END {
  for (i = 1; i <= count; i++) {
    name = order[i]
    file = out "/" name ".cpp"
    printf "// Generated from %s:%s by tests/snippets/extract.awk; edit the Markdown, not this file.\n", frag_rel[name], frag_where[name] > file
    printf "#include <paygw/paygw.hpp>\n#include \"support.hpp\"\n%s\nint main() {\n%s%s\n  return 0;\n}\n", frag_includes[name], frag_given[name], frag_body[name] > file
    close(file)
    print name " fragment " frag_rel[name] ":" frag_start[name]
  }
  if (in_block) { printf "%s: a ```cpp block is not closed\n", rel > "/dev/stderr"; bad = 1 }
  exit bad
}
