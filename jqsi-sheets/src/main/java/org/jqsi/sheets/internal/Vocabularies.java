package org.jqsi.sheets.internal;

import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Status;

/** The words of each column that holds one of a few values. */
final class Vocabularies {

    /** How people attend: the kind of {@link org.jqsi.core.model.Place}. */
    enum Mode { VENUE, ONLINE, HYBRID }

    /** An answer to a yes-or-no column. */
    enum Answer { YES, NO }

    static final Vocabulary<ActivityKind> KINDS = Vocabulary.of(ActivityKind.class)
            .word(ActivityKind.CONFERENCE, "conférence", "conference", "conf", "talk", "lecture", "causerie-conférence")
            .word(ActivityKind.SCREENING, "projection", "screening", "film", "ciné", "cinéma", "documentaire",
                    "ciné-échange", "ciné-débat", "movie", "documentary")
            .word(ActivityKind.CONCERT, "concert", "concert", "musique", "music")
            .word(ActivityKind.EXHIBITION, "exposition", "exhibition", "expo", "vernissage")
            .word(ActivityKind.QUIZ, "quiz", "quiz", "quizz", "jeu-questionnaire")
            .word(ActivityKind.PANEL, "panel", "panel", "table ronde", "round table", "roundtable",
                    "panel discussion")
            .word(ActivityKind.DISCUSSION, "discussion", "discussion", "causerie", "échange", "conversation",
                    "débat", "debate")
            .word(ActivityKind.WORKSHOP, "atelier", "workshop", "formation", "training")
            .word(ActivityKind.PUBLICATION, "publication", "publication", "balado", "podcast", "article")
            .word(ActivityKind.OTHER, "autre", "other");

    static final Vocabulary<Mode> MODES = Vocabulary.of(Mode.class)
            .word(Mode.VENUE, "en personne", "in person", "sur place", "présentiel", "en présentiel", "on site",
                    "in-person")
            .word(Mode.ONLINE, "en ligne", "online", "virtuel", "virtuelle", "virtual", "à distance", "web")
            .word(Mode.HYBRID, "hybride", "hybrid", "mixte", "mixed", "en personne et en ligne",
                    "in person and online");

    static final Vocabulary<OnlinePlatform> PLATFORMS = Vocabulary.of(OnlinePlatform.class)
            .word(OnlinePlatform.FACEBOOK, "Facebook", "Facebook", "Facebook Live", "fb")
            .word(OnlinePlatform.YOUTUBE, "YouTube", "YouTube", "YouTube Live")
            .word(OnlinePlatform.ZOOM, "Zoom", "Zoom")
            .word(OnlinePlatform.TEAMS, "Teams", "Teams", "Microsoft Teams", "MS Teams")
            .word(OnlinePlatform.WEBSITE, "site web", "website", "site internet", "site", "web site")
            .word(OnlinePlatform.OTHER, "autre", "other");

    static final Vocabulary<PartnerRole> ROLES = Vocabulary.of(PartnerRole.class)
            .word(PartnerRole.ORGANIZER, "organisateur", "organizer", "organisatrice", "organiser", "organisation")
            .word(PartnerRole.CO_ORGANIZER, "coorganisateur", "co-organizer", "coorganisatrice", "co-organiser",
                    "coorganisation")
            .word(PartnerRole.REGIONAL_COORDINATOR, "coordination régionale", "regional coordinator",
                    "coordonnateur régional", "coordonnatrice régionale", "coordination")
            .word(PartnerRole.BROADCASTER, "diffuseur", "broadcaster", "diffuseuse", "diffusion")
            .word(PartnerRole.PARTNER, "partenaire", "partner")
            .word(PartnerRole.SPONSOR, "commanditaire", "sponsor", "bailleur de fonds", "funder");

    static final Vocabulary<Audience> AUDIENCES = Vocabulary.of(Audience.class)
            .word(Audience.GENERAL_PUBLIC, "grand public", "general public", "tout public", "tous publics",
                    "everyone")
            .word(Audience.CHILDREN, "enfants", "children", "kids")
            .word(Audience.YOUTH, "jeunes", "youth", "jeunesse", "adolescents", "teens")
            .word(Audience.STUDENTS, "étudiants", "students", "étudiantes", "étudiant·e·s", "étudiant(e)s")
            .word(Audience.FAMILIES, "familles", "families", "famille")
            .word(Audience.SENIORS, "aînés", "seniors", "personnes aînées", "aînées")
            .word(Audience.PROFESSIONALS, "professionnels", "professionals", "professionnelles");

    static final Vocabulary<Status> STATUSES = Vocabulary.of(Status.class)
            .word(Status.SCHEDULED, "prévue", "scheduled", "prévu", "confirmée", "confirmé", "confirmed")
            .word(Status.CANCELLED, "annulée", "cancelled", "annulé", "canceled")
            .word(Status.POSTPONED, "reportée", "postponed", "reporté", "remise", "remis")
            .word(Status.MOVED_ONLINE, "déplacée en ligne", "moved online", "passée en ligne", "déplacé en ligne")
            // jqsi marks an activity rescheduled itself when its start changes, keeping the old one: a sheet that
            // says so cannot say from when (RowReader refuses it, saying to change the start instead).
            .word(Status.RESCHEDULED, "reportée à une autre date", "rescheduled", "nouvelle date", "déplacée");

    static final Vocabulary<Answer> ANSWERS = Vocabulary.of(Answer.class)
            .word(Answer.YES, "oui", "yes", "o", "y", "x", "vrai", "true", "obligatoire", "requise", "requis",
                    "required", "sur inscription", "1")
            .word(Answer.NO, "non", "no", "n", "faux", "false", "facultative", "facultatif", "optional",
                    "non requise", "not required", "aucune", "none", "0");

    private Vocabularies() {
    }
}
