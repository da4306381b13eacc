package org.jqsi.sheets.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.Partner;

/**
 * The program's partners as a sheet names them: by id ({@code culture-trois-rivieres}), acronym ({@code CECI}) or
 * name in either language (« Les P'tites Vues »), matched as headers are ({@link Headers#fold}).
 */
final class PartnerNames {

    private final Map<String, String> idByName = new HashMap<>();

    PartnerNames(List<Partner> partners) {
        for (Partner partner : partners) {
            idByName.putIfAbsent(Headers.fold(partner.id()), partner.id());
        }
        for (Partner partner : partners) {
            if (partner.acronym() != null) {
                idByName.putIfAbsent(Headers.fold(partner.acronym()), partner.id());
            }
            idByName.putIfAbsent(Headers.fold(partner.name().fr()), partner.id());
            partner.name().english().ifPresent(en -> idByName.putIfAbsent(Headers.fold(en), partner.id()));
        }
    }

    /** The id of the partner a cell names. */
    Optional<String> find(String text) {
        return Optional.ofNullable(idByName.get(Headers.fold(text)));
    }

    /** The id of the partner nearest to an unknown name, within a few typos. */
    Optional<String> nearest(String text) {
        String folded = Headers.fold(text);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, String> entry : idByName.entrySet()) {
            int distance = Headers.distance(folded, entry.getKey());
            if (distance < bestDistance || distance == bestDistance && best != null
                    && entry.getValue().compareTo(best) < 0) {
                best = entry.getValue();
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, folded.length() / 4)) ? Optional.ofNullable(best)
                : Optional.empty();
    }
}
