package io.jenkins.plugins.installerpipeline.condition;

/** Backslash escapes of double-quoted conditional strings, as the server decodes them. */
final class Escapes {

    private Escapes() {
    }

    /**
     * Decodes the escape whose backslash is at {@code start} (a character follows it), appends its value to
     * {@code out} and returns the index after it. {@code \n \s \r \t \v \f \b \a \e \\ \"}, {@code \xHH}, octal
     * {@code \NNN}; any other escaped character stands for itself (so {@code \$} is a literal dollar).
     */
    static int readDoubleQuoted(String raw, int start, StringBuilder out) {
        char next = raw.charAt(start + 1);
        switch (next) {
            case 'n' -> out.append('\n');
            case 's' -> out.append(' ');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'f' -> out.append('\f');
            case 'b' -> out.append('\b');
            case 'a' -> out.append('\u0007');
            case 'e' -> out.append('\u001b');
            case 'x' -> {
                if (start + 3 < raw.length() && isHex(raw.charAt(start + 2)) && isHex(raw.charAt(start + 3))) {
                    out.append((char) Integer.parseInt(raw.substring(start + 2, start + 4), 16));
                    return start + 4;
                }
                out.append('x');
            }
            default -> {
                if (next >= '0' && next <= '7') {
                    int end = start + 2;
                    while (end < raw.length() && end < start + 4 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                        end++;
                    }
                    int value = Integer.parseInt(raw.substring(start + 1, end), 8);
                    if (value <= 0xff) {
                        out.append((char) value);
                        return end;
                    }
                    // Out of a byte's range: read fewer digits rather than fail.
                    out.append((char) Integer.parseInt(raw.substring(start + 1, end - 1), 8));
                    return end - 1;
                }
                out.append(next);
            }
        }
        return start + 2;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
