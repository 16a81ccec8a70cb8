package com.twork.points.launcher.tools.smoke;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * {@code ./twork smoke}: a read-only check, through the URL the mobile app uses, that the points API answers with
 * the expected balance and history for a few members (the cut-over's "verify" step, docs/cutover.md). Sends GET
 * requests only, never follows a redirect, checks the wire types the app depends on, and compares with an expected
 * file. Exit codes: 0 every member as expected, 1 a mismatch or a failed request, 2 bad usage.
 */
public final class SmokeCommand {
    static final String PREFIX = "/wp-json/twork/v1/points";
    private static final String KEY_VARIABLE = "TWORK_SMOKE_KEY";
    private static final int HISTORY_PAGE = 100;

    private final PrintStream out;
    private final HttpClient client;

    /** A check reporting to {@code out} over {@code client} (which should not follow redirects). */
    public SmokeCommand(PrintStream out, HttpClient client) {
        this.out = out;
        this.client = client;
    }

    /** What the command line asked for. */
    public record Options(
            URI site,
            String consumerKey,
            String consumerSecret,
            List<Long> members,
            Optional<Path> expect,
            Optional<Path> record,
            boolean restRoute,
            Duration timeout) {}

    /** One member's expected values; an empty value is not checked. */
    public record Expected(long userId, OptionalLong balance, OptionalLong transactions) {}

    /** What the server answered for one member. */
    record Observed(long balance, long transactions, Optional<Long> restRouteBalance) {}

    /** Entry point for {@code TworkCommand}: parses, runs, returns the exit code (bad usage throws). */
    public static int execute(List<String> args, PrintStream out) {
        Options options = options(args, System::getenv);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new SmokeCommand(out, client).run(options);
    }

    /** Parses the command line ({@code environment} supplies {@code TWORK_SMOKE_KEY}); bad usage throws. */
    public static Options options(List<String> args, UnaryOperator<String> environment) {
        Map<String, String> given = new LinkedHashMap<>();
        boolean restRoute = false;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if ("--rest-route".equals(name)) {
                restRoute = true;
                continue;
            }
            if (!List.of("--base", "--key", "--members", "--expect", "--record", "--timeout")
                    .contains(name)) {
                throw new IllegalArgumentException("Unknown smoke option: " + name);
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value.");
            }
            if (given.put(name, args.get(++i)) != null) {
                throw new IllegalArgumentException(name + " is given twice.");
            }
        }
        URI site = site(Optional.ofNullable(given.get("--base"))
                .orElseThrow(() -> new IllegalArgumentException(
                        "--base is required: the shop's address, e.g. --base https://shop.example.com")));
        String key = Optional.ofNullable(given.get("--key"))
                .or(() -> Optional.ofNullable(environment.apply(KEY_VARIABLE)).filter(value -> !value.isBlank()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "--key ck_...:cs_... is required (or the environment variable " + KEY_VARIABLE + ")."));
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("--key must be the consumer key and secret as ck_...:cs_...");
        }
        List<Long> members = given.containsKey("--members") ? members(given.get("--members")) : List.of();
        Optional<Path> expect = Optional.ofNullable(given.get("--expect")).map(Path::of);
        Optional<Path> record = Optional.ofNullable(given.get("--record")).map(Path::of);
        if (expect.isPresent() && record.isPresent()) {
            throw new IllegalArgumentException("--expect and --record exclude each other: check, or write a file.");
        }
        if (expect.isEmpty() && members.isEmpty()) {
            throw new IllegalArgumentException("Name the members to check: --members 5,6,7 and/or --expect FILE.");
        }
        if (record.isPresent() && Files.exists(record.get())) {
            throw new IllegalArgumentException("--record " + record.get() + ": the file exists; choose a new name.");
        }
        Duration timeout = Duration.ofSeconds(positive(given.getOrDefault("--timeout", "15"), "--timeout"));
        return new Options(
                site, key.substring(0, colon), key.substring(colon + 1), members, expect, record, restRoute, timeout);
    }

    /** The shop's root; a base that already ends with the points prefix is accepted too. */
    private static URI site(String base) {
        URI uri;
        try {
            uri = URI.create(base.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--base " + base + " is not a URL.", e);
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("--base must be an http:// or https:// URL with a host, not " + base);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--base takes no query or fragment: " + base);
        }
        String path = Optional.ofNullable(uri.getRawPath()).orElse("");
        path = path.replaceAll("/+$", "");
        if (path.endsWith(PREFIX)) {
            path = path.substring(0, path.length() - PREFIX.length());
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static List<Long> members(String list) {
        List<Long> members = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            long id = positive(part.trim(), "--members");
            if (members.contains(id)) {
                throw new IllegalArgumentException("--members names " + id + " twice.");
            }
            members.add(id);
        }
        return members;
    }

    private static long positive(String text, String option) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": '" + text + "' is not a positive whole number.");
    }

    /**
     * The expected file: CSV lines {@code user_id,balance[,transactions]} (an optional header line naming these
     * columns, {@code #} comments and blank lines are skipped; an empty cell is not checked).
     */
    static List<Expected> readExpected(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--expect " + file + ": cannot read it (" + e.getMessage() + ").", e);
        }
        Map<Long, Expected> expected = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + " line " + (i + 1);
            if (line.isEmpty()
                    || line.startsWith("#")
                    || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("user_id"))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < 2 || cells.length > 3) {
                throw new IllegalArgumentException(where + ": expected user_id,balance[,transactions], got: " + line);
            }
            long userId = cell(cells[0], where, "user_id")
                    .orElseThrow(() -> new IllegalArgumentException(where + ": the user_id is missing."));
            if (userId <= 0) {
                throw new IllegalArgumentException(where + ": user_id must be positive.");
            }
            Expected row = new Expected(
                    userId,
                    cell(cells[1], where, "balance"),
                    cells.length > 2 ? cell(cells[2], where, "transactions") : OptionalLong.empty());
            if (expected.put(userId, row) != null) {
                throw new IllegalArgumentException(where + ": member " + userId + " is listed twice.");
            }
        }
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("--expect " + file + ": no members in it.");
        }
        return List.copyOf(expected.values());
    }

    private static OptionalLong cell(String text, String where, String column) {
        String value = text.strip();
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new IllegalArgumentException(where + ": " + column + " cannot be negative: " + value);
            }
            return OptionalLong.of(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " is not a whole number: " + value, e);
        }
    }

    /** The members to check, with what is expected of each (nothing, without a file). */
    static List<Expected> plan(Options options) {
        if (options.expect().isEmpty()) {
            return options.members().stream()
                    .map(id -> new Expected(id, OptionalLong.empty(), OptionalLong.empty()))
                    .toList();
        }
        List<Expected> fromFile = readExpected(options.expect().get());
        if (options.members().isEmpty()) {
            return fromFile;
        }
        List<Expected> chosen = new ArrayList<>();
        for (long id : options.members()) {
            chosen.add(fromFile.stream()
                    .filter(row -> row.userId() == id)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--members " + id + " is not in " + options.expect().get() + ".")));
        }
        return chosen;
    }

    /** Runs the check; 0 every member as expected, 1 otherwise. */
    public int run(Options options) {
        List<Expected> plan = plan(options);
        String api = options.site() + PREFIX;
        out.println("Smoke check of " + api + " (read-only: GET requests only)");
        Optional<String> actor = whoAmI(options);
        if (actor.isEmpty()) {
            return 1;
        }
        out.println("Credentials accepted as " + actor.get() + "; " + plan.size() + " member(s) to check.");
        out.printf("%-12s %12s %12s %10s %10s  %s%n", "member", "balance", "expected", "history", "expected", "result");
        int matched = 0;
        int mismatched = 0;
        int failed = 0;
        StringBuilder recorded = new StringBuilder("user_id,balance,transactions\n");
        for (Expected expected : plan) {
            Observed observed;
            try {
                observed = observe(options, expected.userId());
            } catch (CheckFailedException e) {
                failed++;
                out.printf(
                        "%-12d %12s %12s %10s %10s  FAILED: %s%n",
                        expected.userId(),
                        "-",
                        show(expected.balance()),
                        "-",
                        show(expected.transactions()),
                        e.getMessage());
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (expected.balance().isPresent() && expected.balance().getAsLong() != observed.balance()) {
                problems.add("balance " + observed.balance() + ", expected "
                        + expected.balance().getAsLong());
            }
            if (expected.transactions().isPresent() && expected.transactions().getAsLong() != observed.transactions()) {
                problems.add("history " + observed.transactions() + " rows, expected "
                        + expected.transactions().getAsLong());
            }
            observed.restRouteBalance()
                    .filter(other -> other != observed.balance())
                    .ifPresent(other -> problems.add("balance through ?rest_route= is " + other));
            recorded.append(expected.userId())
                    .append(',')
                    .append(observed.balance())
                    .append(',')
                    .append(observed.transactions())
                    .append('\n');
            if (problems.isEmpty()) {
                matched++;
            } else {
                mismatched++;
            }
            out.printf(
                    "%-12d %12d %12s %10d %10s  %s%n",
                    expected.userId(),
                    observed.balance(),
                    show(expected.balance()),
                    observed.transactions(),
                    show(expected.transactions()),
                    problems.isEmpty() ? "ok" : "MISMATCH: " + String.join("; ", problems));
        }
        out.printf(
                "Summary: %d member(s): %d as expected, %d mismatched, %d failed.%n",
                plan.size(), matched, mismatched, failed);
        if (options.record().isPresent()) {
            return record(options.record().get(), recorded.toString(), failed);
        }
        return mismatched == 0 && failed == 0 ? 0 : 1;
    }

    private int record(Path file, String content, int failed) {
        if (failed > 0) {
            out.println("Not written: " + file + " (some members could not be read).");
            return 1;
        }
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            out.println("Could not write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("Wrote what was read to " + file + " (use it as --expect after the switch).");
        return 0;
    }

    private static String show(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
    }

    /** {@code GET /auth/whoami}: the key works and the answer comes from T-Work Points, not from WordPress. */
    private Optional<String> whoAmI(Options options) {
        try {
            JsonObject body = getJson(options, options.site() + PREFIX + "/auth/whoami");
            JsonValue actor = body.get("actor");
            if (!(actor instanceof jakarta.json.JsonString text)) {
                throw new CheckFailedException("/auth/whoami answered without an actor: " + body);
            }
            return Optional.of(text.getString());
        } catch (CheckFailedException e) {
            out.println("FAILED: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Observed observe(Options options, long userId) {
        String api = options.site() + PREFIX;
        JsonObject balance = getJson(options, api + "/balance/" + userId);
        long current = integer(balance, "current_balance", "balance");
        for (String field : List.of("lifetime_earned", "lifetime_redeemed", "lifetime_expired")) {
            integer(balance, field, "balance");
        }
        if (integer(balance, "user_id", "balance") != userId) {
            throw new CheckFailedException("the balance answer is for member " + balance.get("user_id"));
        }
        JsonObject history = getJson(options, api + "/transactions/" + userId + "?page=1&per_page=" + HISTORY_PAGE);
        long total = integer(history, "total", "history");
        if (!(history.get("transactions") instanceof JsonArray rows)) {
            throw new CheckFailedException("the history has no transactions list");
        }
        for (JsonValue row : rows) {
            checkRow(row);
        }
        if (rows.size() != Math.min(total, HISTORY_PAGE)) {
            throw new CheckFailedException("the history's first page holds " + rows.size() + " rows of " + total);
        }
        Optional<Long> viaRestRoute = Optional.empty();
        if (options.restRoute()) {
            String route = URLEncoder.encode(
                    PREFIX.substring("/wp-json".length()) + "/balance/" + userId, StandardCharsets.UTF_8);
            viaRestRoute = Optional.of(integer(
                    getJson(options, options.site() + "/?rest_route=" + route),
                    "current_balance",
                    "?rest_route= balance"));
        }
        return new Observed(current, total, viaRestRoute);
    }

    /** The types the app needs (it discards the whole list otherwise): ids as strings, points a number, is_expired a boolean. */
    private static void checkRow(JsonValue value) {
        if (!(value instanceof JsonObject row)) {
            throw new CheckFailedException("a history row is not an object: " + value);
        }
        if (!(row.get("id") instanceof jakarta.json.JsonString)
                || !(row.get("points") instanceof JsonNumber)
                || !(row.get("is_expired") == JsonValue.TRUE || row.get("is_expired") == JsonValue.FALSE)) {
            throw new CheckFailedException(
                    "a history row has the wrong types (id string, points number, is_expired boolean): " + row);
        }
    }

    private static long integer(JsonObject body, String field, String what) {
        if (!(body.get(field) instanceof JsonNumber number) || !number.isIntegral()) {
            throw new CheckFailedException("the " + what + " answer has no whole number " + field + ": " + body);
        }
        return number.longValueExact();
    }

    private JsonObject getJson(Options options, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(options.timeout())
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((options.consumerKey() + ":" + options.consumerSecret())
                                                .getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CheckFailedException(
                    "no answer from " + url + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailedException("interrupted");
        }
        String path = URI.create(url).getRawPath();
        if (response.statusCode() / 100 == 3) {
            throw new CheckFailedException(path + " redirected (" + response.statusCode() + ") to "
                    + response.headers().firstValue("Location").orElse("?") + ": is --base the address the app uses?");
        }
        JsonObject body = parse(response.body())
                .orElseThrow(() -> new CheckFailedException(path + " answered " + response.statusCode()
                        + " with no JSON object (not T-Work Points?): " + abbreviated(response.body())));
        if (response.statusCode() != 200) {
            throw new CheckFailedException(path + " answered " + response.statusCode() + " "
                    + body.getString("code", "") + ": " + body.getString("message", abbreviated(response.body())));
        }
        if (response.headers().firstValue("X-Request-Id").isEmpty()) {
            throw new CheckFailedException(
                    path + " answered without X-Request-Id: not T-Work Points (WordPress still serving the prefix?)");
        }
        return body;
    }

    private static Optional<JsonObject> parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }

    /** One check that did not pass: reported for its member, the run goes on. */
    static final class CheckFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailedException(String message) {
            super(message);
        }
    }
}
