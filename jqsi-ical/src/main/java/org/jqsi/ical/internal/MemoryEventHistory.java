package org.jqsi.ical.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jqsi.ical.EventHistory;

/** {@link EventHistory#inMemory()}: a map, changed under a lock. */
public final class MemoryEventHistory implements EventHistory {

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Map<String, Entry> update(Set<String> ids, UnaryOperator<Map<String, Entry>> change) {
        Map<String, Entry> remembered = new HashMap<>();
        for (String id : ids) {
            Entry entry = entries.get(id);
            if (entry != null) {
                remembered.put(id, entry);
            }
        }
        Map<String, Entry> changed = change.apply(Map.copyOf(remembered));
        entries.putAll(changed);
        remembered.putAll(changed);
        return Map.copyOf(remembered);
    }
}
