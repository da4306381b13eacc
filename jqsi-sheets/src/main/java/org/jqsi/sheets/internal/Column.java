package org.jqsi.sheets.internal;

import java.util.List;
import org.jqsi.core.model.Language;

/**
 * The columns a spreadsheet of activities may have, in the template's order. Each is recognised by its French or
 * English label, by the program file's path of what it holds ({@code title.fr}, {@code schedule.start}), or by a few
 * other names organisers use, whatever the case, accents, spaces and punctuation ({@link Headers}).
 *
 * <p>{@link #DATE}, {@link #START_TIME} and {@link #END_TIME} are another way of writing {@link #START} and
 * {@link #END}: a day in one column and the times in others.
 */
enum Column {
    ID("id", "Identifiant", "Id", "Identifier", "Code de l'activité"),
    KIND("kind", "Type", "Type", "Type d'activité", "Activity type", "Kind", "Genre"),
    TITLE_FR("title.fr", "Titre (français)", "Title (French)", "Titre", "Titre en français", "Titre français",
            "Titre FR", "French title", "Title FR"),
    TITLE_EN("title.en", "Titre (anglais)", "Title (English)", "Titre en anglais", "Titre anglais", "Titre EN",
            "English title", "Title EN"),
    DESCRIPTION_FR("description.fr", "Description (français)", "Description (French)", "Description",
            "Description en français", "Description FR", "French description"),
    DESCRIPTION_EN("description.en", "Description (anglais)", "Description (English)", "Description en anglais",
            "Description EN", "English description"),
    START("schedule.start", "Début", "Start", "schedule.first", "schedule.opens", "Date de début",
            "Date et heure de début", "Start date", "Starts", "Begins", "Du", "From"),
    END("schedule.end", "Fin", "End", "schedule.last", "schedule.closes", "Date de fin", "Date et heure de fin",
            "End date", "Ends", "Au", "To", "Until"),
    DATE(null, "Date", "Date", "Jour", "Day"),
    START_TIME(null, "Heure de début", "Start time", "Heure", "Time"),
    END_TIME(null, "Heure de fin", "End time"),
    ZONE("schedule.zone", "Fuseau horaire", "Time zone", "Fuseau", "Timezone", "Zone"),
    REGION("region", "Région", "Region", "Région administrative", "Administrative region"),
    MODE("place.type", "Mode", "Attendance", "Format", "Présence", "Attendance mode", "En personne ou en ligne"),
    VENUE("place.name", "Lieu", "Venue", "place.venue.name", "place.venue", "Nom du lieu", "Salle", "Venue name",
            "Location"),
    STREET("place.address.street", "Adresse", "Address", "place.venue.address.street", "Rue", "Street"),
    MUNICIPALITY("place.address.municipality", "Municipalité", "Municipality", "place.venue.address.municipality",
            "Ville", "City", "Town"),
    POSTAL_CODE("place.address.postalCode", "Code postal", "Postal code", "place.venue.address.postalCode"),
    LATITUDE("place.geo.latitude", "Latitude", "Latitude", "place.venue.geo.latitude"),
    LONGITUDE("place.geo.longitude", "Longitude", "Longitude", "place.venue.geo.longitude"),
    ONLINE_URL("place.url", "Lien", "Link", "place.online.url", "Lien en ligne", "Lien de diffusion",
            "Online link", "Lien de la diffusion", "URL"),
    PLATFORM("place.platform", "Plateforme", "Platform", "place.online.platform"),
    HOST("place.hostPartnerId", "Diffusé par", "Hosted by", "place.online.hostPartnerId", "Diffuseur", "Host"),
    PARTNERS("partners", "Partenaires", "Partners", "Organismes", "Organisations", "Organizations"),
    REGISTRATION("registration.required", "Inscription", "Registration", "registration", "Inscription requise",
            "Sur inscription", "Registration required"),
    REGISTRATION_URL("registration.url", "Lien d'inscription", "Registration link", "Registration URL"),
    REGISTRATION_CONTACT("registration.contact", "Contact pour l'inscription", "Registration contact",
            "Contact inscription"),
    REGISTRATION_DEADLINE("registration.deadline", "Date limite d'inscription", "Registration deadline",
            "Inscription avant le", "Register by"),
    ADMISSION("admission", "Entrée", "Admission", "admission.prices", "Prix", "Price", "Tarif", "Tarifs", "Coût",
            "Cost", "Prices"),
    LANGUAGES("languages", "Langues", "Languages", "Langue", "Language"),
    AUDIENCES("audiences", "Public", "Audience", "Public cible", "Audiences"),
    THEMES("themeTags", "Thèmes", "Themes", "Thème", "Theme", "Theme tags", "Mots-clés", "Tags"),
    STATUS("status", "Statut", "Status", "État"),
    LINKS("links", "Page web", "Web page", "Site web", "Website", "Plus d'information", "More information",
            "Liens", "Links");

    private final String path;
    private final String fr;
    private final String en;
    private final List<String> others;

    Column(String path, String fr, String en, String... others) {
        this.path = path;
        this.fr = fr;
        this.en = en;
        this.others = List.of(others);
    }

    /** The program file's path of what the column holds, or {@code null} for the other ways of writing a date. */
    String path() {
        return path;
    }

    /** The column's label in a language, as the template writes it. */
    String label(Language language) {
        return language == Language.FR ? fr : en;
    }

    /** Every name the column is known by: labels, path, others. */
    List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(fr, en));
        if (path != null) {
            names.add(path);
        }
        names.addAll(others);
        return names;
    }
}
