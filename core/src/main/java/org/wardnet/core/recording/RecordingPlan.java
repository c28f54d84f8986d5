package org.wardnet.core.recording;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.wardnet.core.errors.FieldError;
import org.wardnet.core.registry.Validated;

/**
 * When a camera, or every camera of a site's subtree, is recorded. The plan nearest the camera
 * wins: its own, else its site's, else the parent site's, and so on; no plan anywhere is OFF.
 *
 * @param subjectId a camera id or a site id
 * @param mode      CONTINUOUS, SCHEDULED (only inside the windows) or OFF
 * @param windows   for SCHEDULED: days and times, local to the district's time zone
 */
public record RecordingPlan(String subjectId, Mode mode, List<Window> windows) {

    public enum Mode { CONTINUOUS, SCHEDULED, OFF }

    /** Days of the week and a daily time span; {@code to} before {@code from} runs past midnight. */
    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        public Window {
            days = Set.copyOf(days);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        boolean contains(ZonedDateTime at) {
            LocalTime time = at.toLocalTime();
            if (!from.isAfter(to)) {
                return days.contains(at.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
            }
            // past midnight: the evening part belongs to the day it starts on, the morning part to the day before
            return (days.contains(at.getDayOfWeek()) && !time.isBefore(from))
                    || (days.contains(at.getDayOfWeek().minus(1)) && time.isBefore(to));
        }
    }

    public RecordingPlan {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(mode, "mode");
        windows = List.copyOf(windows);
    }

    /** Whether the plan records at {@code instant} in {@code zone}. */
    public boolean records(Instant instant, ZoneId zone) {
        if (mode == Mode.CONTINUOUS) {
            return true;
        }
        if (mode == Mode.OFF) {
            return false;
        }
        ZonedDateTime at = instant.atZone(zone);
        return windows.stream().anyMatch(w -> w.contains(at));
    }

    /** A plan as clients send it: {@code {"mode": "SCHEDULED", "windows": [{"days": "MON-FRI", "from": "08:00", "to": "18:00"}]}}. */
    public record Draft(String mode, List<WindowDraft> windows) {
    }

    /** {@code days}: MON-FRI, SAT,SUN, DAILY... */
    public record WindowDraft(String days, String from, String to) {
    }

    public static Validated<RecordingPlan> validate(String subjectId, Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        Mode mode = null;
        try {
            mode = Mode.valueOf(String.valueOf(draft.mode()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("mode", "CONTINUOUS, SCHEDULED or OFF"));
        }
        List<Window> windows = new ArrayList<>();
        List<WindowDraft> given = draft.windows() == null ? List.of() : draft.windows();
        if (mode == Mode.SCHEDULED && given.isEmpty()) {
            errors.add(new FieldError("windows", "a SCHEDULED plan needs at least one window"));
        }
        if (mode != Mode.SCHEDULED && !given.isEmpty()) {
            errors.add(new FieldError("windows", "only a SCHEDULED plan has windows"));
        }
        for (int i = 0; i < given.size(); i++) {
            WindowDraft w = given.get(i);
            Set<DayOfWeek> days = days(w.days());
            LocalTime from = time(w.from());
            LocalTime to = time(w.to());
            if (days == null) {
                errors.add(new FieldError("windows[" + i + "].days", "DAILY, a range such as MON-FRI, or a list such as SAT,SUN"));
            }
            if (from == null || to == null || from.equals(to)) {
                errors.add(new FieldError("windows[" + i + "]", "from and to are different HH:MM times"));
            }
            if (days != null && from != null && to != null && !from.equals(to)) {
                windows.add(new Window(days, from, to));
            }
        }
        return errors.isEmpty() ? Validated.valid(new RecordingPlan(subjectId, mode, windows)) : Validated.invalid(errors);
    }

    private static LocalTime time(String text) {
        try {
            return text == null ? null : LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Set<DayOfWeek> days(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String spec = text.strip().toUpperCase(Locale.ROOT);
        if (spec.equals("DAILY")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String[] range = part.strip().split("-");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length == 2 ? day(range[1]) : first;
            if (first == null || last == null || range.length > 2) {
                return null;
            }
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation.strip()) && abbreviation.strip().length() == 3) {
                return d;
            }
        }
        return null;
    }
}
