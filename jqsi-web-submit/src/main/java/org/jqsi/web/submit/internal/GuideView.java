package org.jqsi.web.submit.internal;

/**
 * The page that says how to submit: where to send what, with an example.
 *
 * @param frame the page's frame
 * @param endpoint the API's absolute address, where to {@code POST}
 * @param example a submission's body, as JSON text
 * @param curl the command that sends it
 * @param maxBodyKib the body limit, in KiB
 * @param burst how many submissions an address may send at once
 * @param perWindow how many more in each window
 * @param windowMinutes the window, in minutes
 */
public record GuideView(PageFrame frame, String endpoint, String example, String curl, int maxBodyKib, int burst,
        int perWindow, long windowMinutes) {
}
