package org.jqsi.web.internal;

import java.util.List;

/**
 * The body of a feed's error response: {@code {"status":400,"error":"...","problems":[{"parameter":"region",
 * "message":"..."}]}}. Small and fixed, so it is written here rather than through a JSON library.
 */
public final class JsonError {

    private JsonError() {
    }

    public static String of(int status, String error, List<ErrorView.Problem> problems) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"status\":").append(status).append(",\"error\":");
        string(out, error);
        out.append(",\"problems\":[");
        for (int i = 0; i < problems.size(); i++) {
            ErrorView.Problem problem = problems.get(i);
            out.append(i == 0 ? "{" : ",{").append("\"parameter\":");
            if (problem.parameter() == null) {
                out.append("null");
            } else {
                string(out, problem.parameter());
            }
            out.append(",\"message\":");
            string(out, problem.message());
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** A JSON string, escaped by RFC 8259, with {@code <>&} escaped too so it is inert if sniffed as HTML. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
