package org.jqsi.core.program;

import java.util.List;
import org.jqsi.core.model.Activity;

/**
 * One page of the activities that match a query.
 *
 * @param items the activities on this page, in order
 * @param total how many activities match in all
 * @param offset how many were skipped before this page
 * @param limit the page size asked for
 */
public record QueryResult(List<Activity> items, int total, int offset, int limit) {

    public QueryResult {
        items = List.copyOf(items);
    }

    /** Whether more matching activities follow this page. */
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
