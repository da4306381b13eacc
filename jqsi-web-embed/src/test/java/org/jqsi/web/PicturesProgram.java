package org.jqsi.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityImage;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.json.ProgramFileSource;

/**
 * The shipped sample with pictures and accessibility information that the seeds do not give: Loin de Bachar with a
 * sized picture and captions, Dheepan with an unsized one whose text is French only, the panel with sign language
 * and captions.
 */
final class PicturesProgram {

    static final String IMAGES_ORIGIN = "https://images.example.org";

    private PicturesProgram() {
    }

    static Program of() throws Exception {
        ProgramData sample = ProgramFileSource.sample().read();
        List<Activity> activities = new ArrayList<>(sample.activities());
        activities.replaceAll(a -> switch (a.id()) {
            case SampleProgram.LOIN_DE_BACHAR -> a.toBuilder()
                    .image(new ActivityImage(URI.create(IMAGES_ORIGIN + "/bachar.jpg"),
                            LocalizedText.of("Une femme regarde la mer depuis un balcon",
                                    "A woman looks at the sea from a balcony"), 800, 450, "Pascal Sanchez",
                            "© Pascal Sanchez, avec permission"))
                    .accessibility(AccessibilityFeature.CAPTIONS).build();
            case SampleProgram.DHEEPAN -> a.toBuilder()
                    .image(ActivityImage.of(URI.create(IMAGES_ORIGIN + "/dheepan.jpg"),
                            LocalizedText.fr("Une famille dans une cité de banlieue")))
                    .build();
            case SampleProgram.MIGRATION_PANEL -> a.toBuilder()
                    .accessibility(AccessibilityFeature.SIGN_LANGUAGE).accessibility(AccessibilityFeature.CAPTIONS)
                    .build();
            default -> a;
        });
        return Program.of(new ProgramData(sample.editions(), sample.partners(), activities));
    }
}
