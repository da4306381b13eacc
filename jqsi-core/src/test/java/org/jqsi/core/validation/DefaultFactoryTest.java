package org.jqsi.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.jqsi.core.internal.AcyclicModel;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.internal.model.ModelTypes;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.RegionalCoordinator;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Theme;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

/**
 * The default factory uses Hibernate Validator's predefined scope, which validates only the types it was given and
 * says nothing of the others. These tests make sure it was given every type of the model that has a constraint, and
 * that it finds what Hibernate Validator's ordinary factory finds.
 */
class DefaultFactoryTest {

    private static final Path MODEL_CLASSES = modelClassesDirectory();

    private static Path modelClassesDirectory() {
        try {
            Path root = Path.of(Activity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return root.resolve(Activity.class.getPackageName().replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every class compiled into the model's package, read from the class files rather than from the model. */
    private static List<Class<?>> compiledModelClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(MODEL_CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replaceAll("\\.class$", "");
                if (!name.equals("package-info")) {
                    classes.add(Class.forName(Activity.class.getPackageName() + "." + name));
                }
            }
        }
        return classes;
    }

    private static boolean hasValidation(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (Stream.of(field.getAnnotations()).anyMatch(DefaultFactoryTest::isValidation)
                    || hasValidation(field.getAnnotatedType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasValidation(AnnotatedType type) {
        if (Stream.of(type.getAnnotations()).anyMatch(DefaultFactoryTest::isValidation)) {
            return true;
        }
        return type instanceof AnnotatedParameterizedType parameterized
                && Stream.of(parameterized.getAnnotatedActualTypeArguments()).anyMatch(DefaultFactoryTest::hasValidation);
    }

    private static boolean isValidation(Annotation annotation) {
        return annotation instanceof Valid || annotation.annotationType().isAnnotationPresent(Constraint.class);
    }

    @Test
    void theScopeHoldsEveryTypeOfTheModelThatHasAConstraint() throws Exception {
        Set<Class<?>> scope = ModelTypes.reachableFrom(ProgramData.class);
        List<Class<?>> validated = compiledModelClasses().stream().filter(DefaultFactoryTest::hasValidation).toList();

        assertThat(validated).contains(Activity.class, Address.class, Geo.class, Price.class, Theme.class,
                Place.Venue.class, Place.Online.class, RegionalCoordinator.class).hasSizeGreaterThan(15);
        assertThat(scope).containsAll(validated);
    }

    /** The sample program with a broken value in every type of the model that has a constraint. */
    private static ProgramData brokenEverywhere() {
        LocalizedText blank = new LocalizedText(" ", "x".repeat(20_001));
        Edition sample = SampleProgram.editions().get(0);
        Edition edition = new Edition("Édition 2020", -1, 1800, sample.start(), sample.end(),
                new Theme(blank, blank, List.of("Pas Un Slug")), sample.format(),
                List.of(new Person(" ", PersonRole.SPOKESPERSON, blank)), sample.coordinatorId(),
                List.of(new RegionalCoordinator(org.jqsi.core.model.Region.MAURICIE, " ")));
        Partner partner = new Partner("Pas Un Slug", blank, "x".repeat(41), PartnerKind.MEMBER_ORGANISATION,
                URI.create("ftp://example.org"));
        Place.Venue venue = new Place.Venue(" ", new Address("x".repeat(201), " ", "12345"), new Geo(91, -181));
        Place.Online online = new Place.Online(URI.create("javascript:alert(1)"), OnlinePlatform.ZOOM, null);
        Activity activity = SampleProgram.loinDeBachar().toBuilder()
                .id("Pas Un Slug")
                .title(blank)
                .description(blank)
                .place(new Place.Hybrid(venue, online))
                .partners(List.of(new Involvement(" ", PartnerRole.ORGANIZER)))
                .people(List.of(new Person("x".repeat(201), PersonRole.SPEAKER, blank)))
                .registration(new Registration(true, URI.create("mailto:x@example.org"), "x".repeat(201),
                        LocalDate.of(2020, 11, 1)))
                .admission(new Admission(List.of(new Price(new BigDecimal("-1.001"), blank))))
                .links(List.of(new Link(URI.create("javascript:alert(1)"), blank)))
                .themeTag("Pas Un Slug")
                .revision(-1)
                .build();
        return new ProgramData(List.of(edition), List.of(partner), List.of(activity));
    }

    @Test
    void itFindsWhatHibernateValidatorsOrdinaryFactoryFinds() {
        ProgramData broken = brokenEverywhere();
        try (ValidatorFactory ordinary = Validation.byProvider(HibernateValidator.class).configure()
                .processedBeansTrackingVoter(new AcyclicModel())
                .messageInterpolator(new ResourceBundleMessageInterpolator(JqsiMessageBundles::constraintMessages))
                .buildValidatorFactory()) {

            ValidationReport expected = new ProgramValidator(ordinary).validate(broken);

            assertThat(new ProgramValidator().validate(broken)).isEqualTo(expected);
            assertThat(expected.errors()).extracting(Problem::where).contains("editions[0].theme.tags[0]",
                    "editions[0].regionalCoordinators[0].partnerId", "partners[0].website",
                    "activities[0].place.venue.address.postalCode", "activities[0].place.venue.geo.latitude",
                    "activities[0].place.online.url", "activities[0].admission.prices[0].amount",
                    "activities[0].admission.prices[0].label.fr", "activities[0].people[0].description.en",
                    "activities[0].revision");
        }
    }
}
