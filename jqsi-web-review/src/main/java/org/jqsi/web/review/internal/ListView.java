package org.jqsi.web.review.internal;

import java.util.List;

/**
 * The list of the submissions an account may review, by state.
 *
 * @param frame the page's frame
 * @param scope what the account reviews, in words ("Mauricie", "every region")
 * @param groups the states that have submissions, in the order of {@link org.jqsi.core.submission.SubmissionState}
 */
public record ListView(PageFrame frame, String scope, List<Group> groups) {

    /** The submissions in one state, newest first. */
    public record Group(String state, String code, List<Row> rows) {
    }

    /**
     * One submission.
     *
     * @param id its id
     * @param href its page
     * @param title its activity's title in the page's language
 * @param titleLang the title's language when it is not the page's ({@code fr} when there is no English), or
 *     {@code null}
     * @param kind new activity, change or cancellation, in words
     * @param region its region's name, or "—"
     * @param organisation who proposed it
     * @param submitted when, Eastern time
     */
    public record Row(String id, String href, String title, String titleLang, String kind, String region,
            String organisation, String submitted) {
    }
}
