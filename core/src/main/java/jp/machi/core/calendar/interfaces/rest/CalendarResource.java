package jp.machi.core.calendar.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import jp.machi.core.api.Answers;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Bodies;
import jp.machi.core.api.Problems;
import jp.machi.core.api.Versions;
import jp.machi.core.calendar.BusinessCalendar;
import jp.machi.core.calendar.ClosedDay;
import jp.machi.core.calendar.ClosureRules;
import jp.machi.core.calendar.JapaneseHolidays;
import jp.machi.core.calendar.application.BusinessCalendars;
import jp.machi.core.calendar.domain.ClosedDaySettings;
import jp.machi.core.calendar.interfaces.rest.CalendarDtos.ClosedDayView;
import jp.machi.core.calendar.interfaces.rest.CalendarDtos.ClosedDaysView;
import jp.machi.core.calendar.interfaces.rest.CalendarDtos.ClosuresInput;
import jp.machi.core.calendar.interfaces.rest.CalendarDtos.ClosuresView;
import jp.machi.core.i18n.Languages;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Access;
import jp.machi.core.identity.Role;
import jp.machi.core.municipality.application.MunicipalityService;
import jp.machi.core.municipality.domain.Municipality;
import jp.machi.core.persistence.CurrentMunicipality;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/municipalities/{lgCode}/calendar}: the municipality's business-day calendar. Anyone
 * reads a year's closed days (national, substitute and citizens' holidays and the municipality's own
 * closures) as JSON or as an iCalendar feed; the municipality's administrators set its own closed
 * days (閉庁日, default 12/29–1/3).
 */
@Path("municipalities/{lgCode}/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "開庁日カレンダー / Business-day calendar")
public class CalendarResource {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Inject
    BusinessCalendars calendars;

    @Inject
    CurrentMunicipality municipality;

    @Inject
    MunicipalityService municipalities;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @GET
    @Path("closed-days")
    @Access(Access.Level.PUBLIC)
    @Produces({MediaType.APPLICATION_JSON, ICalendarFeed.MEDIA_TYPE})
    @Transactional
    @Operation(summary = "Public: the closed days of ?year= (default this year; 1955–2099) besides Saturdays and"
            + " Sundays — national, substitute and citizens' holidays and the municipality's closures — as JSON, or as"
            + " an iCalendar feed with ?format=ics or Accept: text/calendar (without ?year= the feed holds this year and"
            + " the next); names in Japanese, English with Accept-Language: en or ?lang=en")
    @Answers(ClosedDaysView.class)
    public Response closedDays(@QueryParam("year") String year, @QueryParam("format") String format,
            @QueryParam("lang") String lang) {
        boolean ics = icsRequested(format);
        Locale l = locale(lang);
        int thisYear = LocalDate.now(JAPAN).getYear();
        Integer asked = year(year);
        String lg = municipality.code();
        BusinessCalendar calendar = calendars.of(lg);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        if (ics) {
            List<ClosedDay> days = new ArrayList<>();
            if (asked != null) {
                days.addAll(calendar.closedDays(asked));
            } else {
                days.addAll(calendar.closedDays(thisYear));
                if (thisYear < JapaneseHolidays.LAST_YEAR) {
                    days.addAll(calendar.closedDays(thisYear + 1));
                }
            }
            Municipality m = municipalities.require(lg);
            String name = LocalizedText.of(m.getNameJa() + " 閉庁日", m.getNameEn() == null || m.getNameEn().isBlank()
                    ? null : m.getNameEn() + " closed days").in(l);
            String file = "closed-days-" + lg + (asked == null ? "" : "-" + asked) + ".ics";
            return Response.ok(ICalendarFeed.of(lg, name, days, l, OffsetDateTime.now()),
                    MediaType.valueOf(ICalendarFeed.MEDIA_TYPE + ";charset=UTF-8"))
                    .header("Content-Disposition", "inline; filename=\"" + file + "\"")
                    .cacheControl(cache).build();
        }
        int y = asked == null ? thisYear : asked;
        List<ClosedDayView> days = calendar.closedDays(y).stream().map(d -> ClosedDayView.of(d, l)).toList();
        return Response.ok(new ClosedDaysView(lg, y, true, days.size(), days), MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(cache).build();
    }

    @GET
    @Path("closures")
    @Access(minimum = Role.VIEWER)
    @Transactional
    @Operation(summary = "The municipality's own closed days (閉庁日): month-day ranges every year and one-off dates"
            + " (default 12/29–1/3)")
    @Answers(ClosuresView.class)
    public Response closures() {
        String lg = municipality.code();
        long version = calendars.settings(lg).map(ClosedDaySettings::getVersion).orElse(0L);
        return Response.ok(ClosuresView.of(calendars.closures(lg), version == 0L)).tag(Versions.tag(version)).build();
    }

    @PUT
    @Path("closures")
    @Access(minimum = Role.MUNICIPALITY_ADMIN)
    @Transactional
    @Operation(summary = "Replace the municipality's own closed days: {recurring:[{from:\"12-29\",to:\"01-03\",nameJa,"
            + "nameEn}], dates:[{date,nameJa,nameEn}]} (If-Match required; empty lists: no closures of its own)")
    @Answers(ClosuresView.class)
    public Response replaceClosures(ClosuresInput body) {
        Bodies.require(body);
        String lg = municipality.code();
        long version = calendars.settings(lg).map(ClosedDaySettings::getVersion).orElse(0L);
        Versions.requireMatch(request, headers, version);
        ClosureRules rules = rules(body);
        ClosedDaySettings s = calendars.replace(lg, rules);
        return Response.ok(ClosuresView.of(rules, false)).tag(Versions.tag(s.getVersion())).build();
    }

    /** The rules of a body, or a 400 problem with one field error per bad value (nothing written). */
    static ClosureRules rules(ClosuresInput body) {
        List<ApiException.FieldErrorKey> errors = new ArrayList<>();
        List<ClosureRules.Recurring> recurring = new ArrayList<>();
        List<ClosureRules.OneOff> dates = new ArrayList<>();
        if (body.recurring == null) {
            errors.add(new ApiException.FieldErrorKey("recurring", "calendar.closures.list"));
        } else if (body.recurring.size() > ClosureRules.MAX_RECURRING) {
            errors.add(new ApiException.FieldErrorKey("recurring", "calendar.closures.tooMany", ClosureRules.MAX_RECURRING));
        } else {
            for (int i = 0; i < body.recurring.size(); i++) {
                CalendarDtos.RecurringInput r = body.recurring.get(i);
                String field = "recurring[" + i + "]";
                if (r == null) {
                    errors.add(new ApiException.FieldErrorKey(field, "calendar.closures.item"));
                    continue;
                }
                MonthDay from = monthDay(r.from, field + ".from", errors);
                MonthDay to = monthDay(r.to, field + ".to", errors);
                LocalizedText name = name(r.nameJa, r.nameEn, field, errors);
                if (from != null && to != null && name != null) {
                    recurring.add(new ClosureRules.Recurring(from, to, name));
                }
            }
        }
        if (body.dates == null) {
            errors.add(new ApiException.FieldErrorKey("dates", "calendar.closures.list"));
        } else if (body.dates.size() > ClosureRules.MAX_DATES) {
            errors.add(new ApiException.FieldErrorKey("dates", "calendar.closures.tooMany", ClosureRules.MAX_DATES));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < body.dates.size(); i++) {
                CalendarDtos.DateInput o = body.dates.get(i);
                String field = "dates[" + i + "]";
                if (o == null) {
                    errors.add(new ApiException.FieldErrorKey(field, "calendar.closures.item"));
                    continue;
                }
                LocalDate date = date(o.date, field + ".date", errors);
                if (date != null && !seen.add(date)) {
                    errors.add(new ApiException.FieldErrorKey(field + ".date", "calendar.closures.duplicateDate", date.toString()));
                    date = null;
                }
                LocalizedText name = name(o.nameJa, o.nameEn, field, errors);
                if (date != null && name != null) {
                    dates.add(new ClosureRules.OneOff(date, name));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ClosureRules(recurring, dates);
    }

    private static MonthDay monthDay(String text, String field, List<ApiException.FieldErrorKey> errors) {
        if (text != null && MONTH_DAY.matcher(text.strip()).matches()) {
            try {
                return MonthDay.parse("--" + text.strip());
            } catch (DateTimeParseException notADay) {
                // reported below
            }
        }
        errors.add(new ApiException.FieldErrorKey(field, "calendar.closures.monthDay", shown(text)));
        return null;
    }

    private static LocalDate date(String text, String field, List<ApiException.FieldErrorKey> errors) {
        if (text != null && DATE.matcher(text.strip()).matches()) {
            try {
                LocalDate d = LocalDate.parse(text.strip());
                if (d.getYear() >= JapaneseHolidays.FIRST_YEAR && d.getYear() <= JapaneseHolidays.LAST_YEAR) {
                    return d;
                }
            } catch (DateTimeParseException notADay) {
                // reported below
            }
        }
        errors.add(new ApiException.FieldErrorKey(field, "calendar.closures.date", shown(text),
                String.valueOf(JapaneseHolidays.FIRST_YEAR), String.valueOf(JapaneseHolidays.LAST_YEAR)));
        return null;
    }

    private static LocalizedText name(String ja, String en, String field, List<ApiException.FieldErrorKey> errors) {
        boolean ok = true;
        if (!nameOk(ja, true)) {
            errors.add(new ApiException.FieldErrorKey(field + ".nameJa", "calendar.closures.name", ClosureRules.MAX_NAME));
            ok = false;
        }
        if (!nameOk(en, false)) {
            errors.add(new ApiException.FieldErrorKey(field + ".nameEn", "calendar.closures.nameEn", ClosureRules.MAX_NAME));
            ok = false;
        }
        return ok ? LocalizedText.of(ja.strip(), en == null ? null : en.strip()) : null;
    }

    private static boolean nameOk(String text, boolean required) {
        if (text == null || text.isBlank()) {
            return !required;
        }
        String s = text.strip();
        return s.codePointCount(0, s.length()) <= ClosureRules.MAX_NAME && s.length() <= ClosureRules.MAX_NAME
                && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** A value as quoted back in a message: at most 40 characters. */
    private static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The year asked for, null when none; 1955–2099 or a 400 naming {@code year}. */
    static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(text.strip());
            if (y >= JapaneseHolidays.FIRST_YEAR && y <= JapaneseHolidays.LAST_YEAR) {
                return y;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("year", "calendar.year.range",
                String.valueOf(JapaneseHolidays.FIRST_YEAR), String.valueOf(JapaneseHolidays.LAST_YEAR))));
    }

    private boolean icsRequested(String format) {
        if (format != null && !format.isBlank()) {
            if ("ics".equalsIgnoreCase(format.strip()) || "ical".equalsIgnoreCase(format.strip())) {
                return true;
            }
            if ("json".equalsIgnoreCase(format.strip())) {
                return false;
            }
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("format", "calendar.format.unknown", shown(format))));
        }
        for (MediaType mt : headers.getAcceptableMediaTypes()) {
            if (mt.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(mt)) {
                return false;
            }
            if ("text".equals(mt.getType()) && "calendar".equals(mt.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    private Locale locale(String lang) {
        if (lang == null || lang.isBlank()) {
            return Problems.locale(headers);
        }
        if ("en".equalsIgnoreCase(lang.strip())) {
            return Languages.ENGLISH;
        }
        if ("ja".equalsIgnoreCase(lang.strip())) {
            return Languages.JAPANESE;
        }
        throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("lang", "calendar.lang.unknown", shown(lang))));
    }
}
