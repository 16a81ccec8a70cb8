package com.twork.points.member.rest;

import com.twork.points.member.boundary.MemberChanges;
import com.twork.points.member.boundary.MemberService;
import com.twork.points.member.entity.Member;
import com.twork.points.member.entity.MemberStatus;
import com.twork.points.platform.boundary.InvalidInputException;
import com.twork.points.platform.control.SiteTime;
import com.twork.points.platform.rest.JsonBody;
import com.twork.points.platform.rest.PointsApi;
import com.twork.points.setting.boundary.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** {@code GET /members/{user_id}} and {@code PUT /members/{user_id}} (upsert; fields not sent stay as they are). */
@ApplicationScoped
@Timed(description = "Time to answer this route")
@Path("members")
@Produces(PointsApi.JSON)
public class MembersResource {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{1,63}");

    @Inject
    MemberService members;

    @Inject
    SettingsService settings;

    @Inject
    HttpServletRequest request;

    @GET
    @Path("{user_id: [1-9][0-9]{0,17}}")
    public MemberBody get(@PathParam("user_id") long userId) {
        return body(members.get(userId));
    }

    @PUT
    @Path("{user_id: [1-9][0-9]{0,17}}")
    public MemberBody put(@PathParam("user_id") long userId) {
        return body(members.upsert(changes(userId, JsonBody.of(request).object())));
    }

    private MemberBody body(Member member) {
        return new MemberBody(
                member.userId(),
                member.email().orElse(null),
                member.displayName().orElse(null),
                member.status().wire(),
                member.birthday().map(LocalDate::toString).orElse(null),
                SiteTime.format(member.createdAt(), settings.current().siteZone()));
    }

    static MemberChanges changes(long userId, JsonObject body) {
        Map<String, Object> problems = new LinkedHashMap<>();
        if (userId == 0) {
            problems.put("user_id", "user_id must be a positive whole number.");
        }
        Optional<Optional<String>> email = text(body, "email", 254, problems)
                .map(value -> value.map(String::trim).filter(text -> !text.isEmpty()));
        email.flatMap(value -> value)
                .filter(value -> !EMAIL.matcher(value).matches())
                .ifPresent(value -> problems.put("email", "email must be an e-mail address."));
        Optional<Optional<String>> displayName = text(body, "display_name", 250, problems)
                .map(value -> value.map(String::trim).filter(text -> !text.isEmpty()));
        Optional<MemberStatus> status = Optional.empty();
        Optional<Optional<String>> statusText = text(body, "status", 16, problems);
        if (statusText.isPresent()) {
            String value = statusText.get().orElse("");
            if ("active".equals(value) || "inactive".equals(value)) {
                status = Optional.of(MemberStatus.fromWire(value));
            } else {
                problems.put("status", "status must be active or inactive.");
            }
        }
        Optional<Optional<LocalDate>> birthday = Optional.empty();
        Optional<Optional<String>> birthdayText = text(body, "birthday", 10, problems);
        if (birthdayText.isPresent()) {
            try {
                Optional<LocalDate> date = birthdayText.get().map(LocalDate::parse);
                if (date.filter(day -> day.isAfter(LocalDate.now()) || day.getYear() < 1900)
                        .isPresent()) {
                    problems.put("birthday", "birthday must be a past date after 1900.");
                }
                birthday = Optional.of(date);
            } catch (DateTimeParseException e) {
                problems.put("birthday", "birthday must be a date YYYY-MM-DD or null.");
            }
        }
        Optional<InvalidInputException> problem = problems.isEmpty()
                ? Optional.empty()
                : Optional.of(new InvalidInputException(
                        "rest_invalid_param",
                        "Invalid parameter(s): " + String.join(", ", problems.keySet()),
                        Map.of("params", problems)));
        return new MemberChanges(userId, email, displayName, status, birthday, problem);
    }

    /** Absent: empty; JSON null: a present empty value; a string: its value; anything else is a problem. */
    private static Optional<Optional<String>> text(
            JsonObject body, String name, int maxLength, Map<String, Object> problems) {
        if (!body.containsKey(name)) {
            return Optional.empty();
        }
        JsonValue value = body.get(name);
        if (value == JsonValue.NULL) {
            return Optional.of(Optional.empty());
        }
        if (value.getValueType() != JsonValue.ValueType.STRING
                || ((JsonString) value).getString().length() > maxLength) {
            problems.put(name, name + " must be text of at most " + maxLength + " characters, or null.");
            return Optional.empty();
        }
        return Optional.of(Optional.of(((JsonString) value).getString()));
    }
}
