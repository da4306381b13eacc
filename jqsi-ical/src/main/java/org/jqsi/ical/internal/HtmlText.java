package org.jqsi.ical.internal;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML description (Google Calendar writes its descriptions as HTML; Outlook adds an
 * {@code X-ALT-DESC;FMTTYPE=text/html}), read with jsoup: every entity decoded ({@code &eacute;}, {@code &#233;},
 * {@code &#xE9;}), attributes never leaking into the text, line breaks kept where the HTML breaks lines.
 */
final class HtmlText {

    /** A tag or an entity: what makes a description HTML rather than plain text. */
    private static final Pattern HTML = Pattern.compile(
            "<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[\\s>/]|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\\d{1,7}|#[xX][0-9a-fA-F]{1,6});");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer");

    private HtmlText() {
    }

    /** Whether a description has HTML tags or entities. */
    static boolean looksLikeHtml(String text) {
        return HTML.matcher(text).find();
    }

    /** The text of an HTML fragment, with {@code <br>} and block ends as line breaks, at most two in a row. */
    static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replaceAll("[ \\t\\r\\n]+", " "));
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                } else if (node instanceof Element element && element.normalName().equals("li")) {
                    newLine(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newLine(out);
                    if (element.normalName().equals("p")) {
                        out.append('\n');
                    }
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return out.toString().replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").replace('\u00a0', ' ')
                .strip();
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
