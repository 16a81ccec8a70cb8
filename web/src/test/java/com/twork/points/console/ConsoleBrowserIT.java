package com.twork.points.console;

import static com.twork.points.it.Fixtures.count;
import static com.twork.points.it.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twork.points.it.Api;
import com.twork.points.it.Browser;
import com.twork.points.it.Fixtures;
import com.twork.points.it.Ledger;
import com.twork.points.it.Reply;
import com.twork.points.it.SharedServer;
import com.twork.points.security.control.KeyHashing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console in a real browser (Debian's Chromium, headless) against the shared server: what an operator does,
 * checked on the page and in the database. Each test logs in as its own new account.
 */
@ExtendWith(SharedServer.class)
class ConsoleBrowserIT {
    static final String PASSWORD = "console-password-1";
    private static Browser browser;
    /** The login of the account {@link #newStaff} made last. */
    private static String staffLogin;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A new staff account, logged in in the browser; returns its account id. */
    private static long newStaff(String role) {
        String login = role.toLowerCase(java.util.Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        long id = Fixtures.newAccount(login, PASSWORD, role, null);
        staffLogin = login;
        browser.driver().manage().deleteAllCookies();
        browser.login(login, PASSWORD);
        assertTrue(
                browser.driver().getTitle().startsWith("Dashboard"),
                "logged in: " + browser.driver().getTitle());
        return id;
    }

    @Test
    void adminFindsAMemberAdjustsWithAReasonAndSeesBalanceAuditAndTransaction() {
        long admin = newStaff("ADMIN");
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 300, Fixtures.now(), Fixtures.now().plus(Duration.ofDays(200)));

        browser.open("/admin/members.xhtml");
        browser.type("member-search", Long.toString(member));
        browser.submit("search-submit");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#members tbody tr"));
        assertEquals(1, rows.size(), "the search finds exactly this member");
        rows.get(0).findElement(By.linkText(Long.toString(member))).click();
        assertEquals("300", browser.text("balance"));
        browser.screenshot("member");

        browser.type("adjust:delta", "150");
        browser.submit("adjust:submit");
        assertEquals(
                "A reason is required.",
                browser.find("adjust").findElement(By.className("field-error")).getText());
        assertEquals(300, Ledger.balance(member), "a refused adjustment changes nothing");

        browser.type("adjust:delta", "150");
        browser.type("adjust:reason", "Goodwill for a late delivery");
        browser.submit("adjust:submit");
        assertEquals("Points adjusted.", browser.notice());
        assertEquals("450", browser.text("balance"));
        assertEquals(450, Ledger.assertInvariant(member));
        assertTrue(browser.driver().getCurrentUrl().contains("done=adjusted"), "redirected after the POST");

        browser.open("/admin/audit.xhtml?member=" + member);
        String audit = browser.text("audit");
        assertTrue(audit.contains("Goodwill for a late delivery"), audit);
        assertTrue(audit.contains(staffLogin), "the audit row names the staff member by login: " + audit);
        assertFalse(audit.contains("account:" + admin), "not by an internal id: " + audit);
        assertTrue(browser.text("chain-state").contains("Chain verified"));
        browser.screenshot("audit");

        browser.open("/admin/transactions.xhtml?member=" + member + "&type=adjust");
        List<WebElement> adjustments = browser.driver().findElements(By.cssSelector("table.transactions tbody tr"));
        assertEquals(1, adjustments.size());
        assertTrue(
                adjustments.get(0).getText().contains("+150"),
                adjustments.get(0).getText());
        assertTrue(
                adjustments.get(0).getText().contains(staffLogin),
                "people by login: " + adjustments.get(0).getText());
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM audit_log WHERE member_user_id = ? AND reason = ?",
                        member,
                        "Goodwill for a late delivery"));
    }

    @Test
    void csvExportAppliesTheFiltersAndNeutralisesFormulas() throws Exception {
        newStaff("MANAGER");
        long member = Fixtures.newMember();
        Instant now = Fixtures.now();
        Fixtures.insertRow(member, "earn", 40, "=HYPERLINK(\"http://evil\")", "WC-9" + member, now, null, "available");
        Fixtures.insertRow(member, "earn", 41, "Plain, with \"quotes\"", null, now, null, "available");
        Fixtures.insertRow(member, "redeem", 5, "Not an earn", null, now, null, "available");

        browser.open("/admin/transactions.xhtml");
        new org.openqa.selenium.support.ui.Select(browser.find("filter-type")).selectByValue("earn");
        browser.type("filter-member", Long.toString(member));
        browser.submit("filter-submit");
        assertEquals(
                2,
                browser.driver()
                        .findElements(By.cssSelector("table.transactions tbody tr"))
                        .size());
        browser.screenshot("transactions");
        String href = browser.find("export").getAttribute("href");
        assertTrue(href.contains("type=earn") && href.contains("member=" + member), href);

        String cookie =
                browser.driver().manage().getCookieNamed("twork_console").getValue();
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href.replace("localhost", "127.0.0.1")))
                                .header("Cookie", "twork_console=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertEquals(
                "attachment; filename=\"twork-points-transactions-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertEquals(
                "ID,User ID,User Email,Type,Points,Description,Order ID,Created At,Expires At,Expired?,Status",
                lines.get(0));
        assertEquals(3, lines.size(), "header and the two earn rows: " + lines);
        String injected = lines.stream()
                .filter(line -> line.contains("HYPERLINK"))
                .findFirst()
                .orElseThrow();
        assertTrue(injected.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","), injected);
        assertTrue(injected.contains(",earn,40,") && injected.contains("member" + member + "@example.test"), injected);
        assertTrue(injected.endsWith(",No,available"), "the status closes the row: " + injected);
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"Plain, with \"\"quotes\"\"\"")), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("Not an earn")));
    }

    @Test
    void anInvalidSettingIsNamedAtItsFieldAndNothingIsSavedThenAValidOneIs() {
        newStaff("ADMIN");
        String before = text("SELECT value FROM setting WHERE name = 'referral_bonus'");
        try {
            browser.open("/admin/settings.xhtml");
            browser.type("setting_referral_bonus", "12.5");
            browser.type("setting_birthday_bonus", "201");
            browser.submit("settings:submit");
            assertEquals("Enter a whole number.", browser.text("error_referral_bonus"));
            assertEquals("true", browser.find("setting_referral_bonus").getAttribute("aria-invalid"));
            assertEquals("", browser.text("error_birthday_bonus"));
            assertEquals(before, text("SELECT value FROM setting WHERE name = 'referral_bonus'"));
            assertEquals("200", text("SELECT value FROM setting WHERE name = 'birthday_bonus'"), "all or nothing");
            browser.screenshot("settings-error");

            browser.type("setting_referral_bonus", "650");
            browser.submit("settings:submit");
            assertEquals("Settings saved.", browser.notice());
            assertEquals("650", text("SELECT value FROM setting WHERE name = 'referral_bonus'"));
            assertEquals("650", browser.find("setting_referral_bonus").getAttribute("value"));
        } finally {
            Fixtures.setSetting("referral_bonus", before);
            Fixtures.setSetting("birthday_bonus", "200");
        }
    }

    @Test
    void settingsAreGroupedWithFittingControlsExplanationsAndDefaults() {
        newStaff("ADMIN");
        String enforce = text("SELECT value FROM setting WHERE name = 'enforce_redemption_limits'");
        String zone = text("SELECT value FROM setting WHERE name = 'site_timezone'");
        try {
            browser.open("/admin/settings.xhtml");
            List<String> legends =
                    browser.driver().findElements(By.cssSelector("fieldset.settings-group legend")).stream()
                            .map(WebElement::getText)
                            .toList();
            assertEquals(
                    List.of(
                            "Earning",
                            "Redemption",
                            "Expiry",
                            "Bonuses",
                            "Security",
                            "Integration",
                            "Privacy and retention"),
                    legends);
            assertEquals(
                    "checkbox",
                    browser.find("setting_enforce_redemption_limits").getAttribute("type"));
            assertEquals("select", browser.find("setting_award_on_status").getTagName());
            assertEquals("select", browser.find("setting_site_timezone").getTagName());
            assertEquals("number", browser.find("setting_expiration_days").getAttribute("type"));
            for (WebElement field : browser.driver().findElements(By.cssSelector(".setting"))) {
                String hint = field.findElement(By.className("hint")).getText();
                assertTrue(
                        hint.length() > 20 && hint.contains("Default:"), field.getAttribute("data-key") + ": " + hint);
                assertFalse(field.findElement(By.tagName("label")).getText().contains("_"), "labels are words");
            }
            assertTrue(browser.text("hint_expiration_days").contains("Default: 365 days."));
            assertTrue(browser.text("hint_tier_basis").contains("Default: Points earned, all time."));
            browser.screenshot("settings");

            if (!browser.find("setting_enforce_redemption_limits").isSelected()) {
                browser.driver()
                        .findElement(By.cssSelector("label[for='setting_enforce_redemption_limits']"))
                        .click();
            }
            org.openqa.selenium.support.ui.Select zones =
                    new org.openqa.selenium.support.ui.Select(browser.find("setting_site_timezone"));
            assertEquals(zone, zones.getFirstSelectedOption().getAttribute("value"), "the zone in force is chosen");
            assertTrue(zones.getOptions().size() > 300, "a real time-zone picker");
            assertTrue(zones.getOptions().stream()
                    .anyMatch(option -> "Europe/Berlin".equals(option.getAttribute("value"))));
            browser.submit("settings:submit");
            assertEquals("Settings saved.", browser.notice());
            assertEquals("true", text("SELECT value FROM setting WHERE name = 'enforce_redemption_limits'"));
            assertEquals(zone, text("SELECT value FROM setting WHERE name = 'site_timezone'"), "unchanged");
            assertTrue(browser.find("setting_enforce_redemption_limits").isSelected());

            browser.driver()
                    .findElement(By.cssSelector("label[for='setting_enforce_redemption_limits']"))
                    .click();
            browser.submit("settings:submit");
            assertEquals(
                    "false",
                    text("SELECT value FROM setting WHERE name = 'enforce_redemption_limits'"),
                    "a switch turned off is saved off");
        } finally {
            Fixtures.setSetting("enforce_redemption_limits", enforce);
        }
    }

    @Test
    void aKeyCreatedHereShowsItsSecretOnceWorksOnTheApiAndStopsWhenRevoked() {
        newStaff("ADMIN");
        long member = Fixtures.newMember();
        browser.open("/admin/keys.xhtml");
        String description = "Console test key " + UUID.randomUUID();
        browser.type("create:description", description);
        browser.submit("create:submit");
        assertEquals("API key created.", browser.notice());
        assertTrue(browser.driver().getCurrentUrl().contains("done=created"), "redirected after the POST");
        assertFalse(browser.driver().getCurrentUrl().contains("cs_"), "the secret never travels in a URL");
        String consumerKey = browser.text("consumer-key");
        String consumerSecret = browser.text("consumer-secret");
        assertTrue(consumerKey.startsWith("ck_") && consumerSecret.startsWith("cs_"), consumerKey);
        browser.screenshot("keys-created");
        browser.driver().navigate().refresh();
        assertFalse(browser.has("consumer-secret"), "a refresh does not show the secret again");
        assertEquals(
                1, count("SELECT COUNT(*) FROM api_key WHERE description = ?", description), "nor makes a second key");
        Fixtures.Key key = new Fixtures.Key(
                count("SELECT id FROM api_key WHERE truncated_key = ?", KeyHashing.truncated(consumerKey)),
                consumerKey,
                consumerSecret);
        Reply ok = Api.get("/balance/" + member, key);
        assertEquals(200, ok.status(), ok.body());

        browser.open("/admin/keys.xhtml");
        assertFalse(browser.has("consumer-secret"), "the secret is shown once");
        assertFalse(browser.driver().getPageSource().contains(consumerSecret));
        browser.submitConfirmed("revoke-" + key.id());
        assertEquals("API key revoked.", browser.notice());
        assertEquals(401, Api.get("/balance/" + member, key).status(), "a revoked key is refused");
    }

    @Test
    void aManagerIsRefusedSettingsKeysAndAccounts() {
        newStaff("MANAGER");
        String menu = browser.driver().findElement(By.cssSelector("nav.menu")).getText();
        assertFalse(menu.contains("Settings") || menu.contains("API keys") || menu.contains("Accounts"), menu);
        for (String page : List.of("settings", "keys", "accounts")) {
            browser.open("/admin/" + page + ".xhtml");
            assertEquals("Not allowed · T-Work Points", browser.driver().getTitle(), page);
        }
        browser.open("/admin/tiers.xhtml");
        assertFalse(browser.has("tiers:submit"), "a manager sees the ladder but cannot edit it");
    }

    @Test
    void theDashboardChartsCarryTodaysFiguresAndThePagesFitAPhone() {
        newStaff("ADMIN");
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 777, Fixtures.now(), null);
        browser.open("/admin/");
        List<WebElement> earned =
                browser.driver().findElements(By.cssSelector("#daily-chart rect[data-series='earned']"));
        assertEquals(30, earned.size(), "a bar per day for 30 days");
        long today = Long.parseLong(earned.get(29).getAttribute("data-value"));
        assertTrue(today >= 777, "today's bar holds the new lot: " + today);
        long inTiers = browser.driver().findElements(By.cssSelector("#tier-chart rect")).stream()
                .mapToLong(bar -> Long.parseLong(bar.getAttribute("data-value")))
                .sum();
        assertEquals(
                Long.parseLong(browser.text("total-members").replace(",", "")),
                inTiers,
                "every member stands in one tier");
        browser.screenshot("dashboard");

        for (String page : List.of(
                "",
                "members.xhtml",
                "transactions.xhtml",
                "orders.xhtml",
                "reports.xhtml",
                "tiers.xhtml",
                "webhooks.xhtml",
                "audit.xhtml",
                "settings.xhtml",
                "keys.xhtml",
                "accounts.xhtml")) {
            browser.open("/admin/" + page);
            assertFalse(browser.driver().getTitle().startsWith("Something"), page);
            browser.screenshot("page-" + (page.isEmpty() ? "index" : page.replace(".xhtml", "")));
        }
        browser.resize(390, 844);
        try {
            for (String page : List.of("", "members.xhtml", "member.xhtml?id=" + member, "transactions.xhtml")) {
                browser.open("/admin/" + page);
                Object overflow = browser.driver()
                        .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone: " + page);
            }
            browser.screenshot("phone-member");
        } finally {
            browser.resize(1280, 1000);
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndTheFormsInOrder() {
        newStaff("MANAGER");
        browser.open("/admin/members.xhtml");
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.driver().switchTo().activeElement();
        assertEquals("Skip to content", first.getText());
        first.sendKeys(Keys.ENTER);
        assertTrue(browser.driver().getCurrentUrl().endsWith("#main"));
    }

    @Test
    void runExpiryNowAndReconcileBalancesBothWork() {
        newStaff("ADMIN");
        long due = Fixtures.newMember();
        Fixtures.insertLot(
                due,
                "earn",
                90,
                Fixtures.now().minus(Duration.ofDays(400)),
                Fixtures.now().minus(Duration.ofDays(1)));
        long drifted = Fixtures.newMember();
        Fixtures.insertLot(drifted, "earn", 60, Fixtures.now(), null);
        Fixtures.update("UPDATE point_account SET balance = 75 WHERE user_id = ?", drifted);

        browser.open("/admin/reports.xhtml");
        assertTrue(browser.text("drifts").contains(Long.toString(drifted)));
        browser.screenshot("reports");
        browser.submitConfirmed("expiry:submit");
        assertEquals("Expiry ran.", browser.notice());
        assertTrue(browser.text("expiry-summary").matches("\\d+ lot\\(s\\) expired, \\d+ point\\(s\\)."));
        assertEquals(0, Ledger.assertInvariant(due), "the due lot expired");
        assertEquals(1, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'expire'", due));

        long inconsistent = Fixtures.newMember();
        Fixtures.insertLot(inconsistent, "earn", 50, Fixtures.now(), null);
        long unallocated = Fixtures.insertRow(
                inconsistent, "redeem", 20, "No allocation", null, Fixtures.now(), null, "available");
        try {
            browser.type("reconcile:reason", "Console reconcile test");
            browser.submitConfirmed("reconcile:submit");
            // A member whose ledger rows disagree is refused and named; every other drift is repaired.
            assertEquals("Balances reconciled in part: some need an adjustment.", browser.notice());
            String summary = browser.text("reconcile-summary");
            assertTrue(summary.contains(Long.toString(inconsistent)) && summary.contains("disagree"), summary);
            assertTrue(summary.matches("\\d+ balance\\(s\\) repaired; \\d+ need a correcting adjustment.*"), summary);
            long repairs = count("SELECT COUNT(*) FROM audit_log WHERE action = 'balance.repaired'");
            browser.driver().navigate().refresh();
            assertEquals(
                    repairs,
                    count("SELECT COUNT(*) FROM audit_log WHERE action = 'balance.repaired'"),
                    "a refresh repairs nothing again");
            assertEquals(60, Ledger.assertInvariant(drifted), "the stored balance follows the lots again");
            assertEquals(
                    1,
                    count(
                            "SELECT COUNT(*) FROM audit_log WHERE member_user_id = ? AND action = 'balance.repaired'"
                                    + " AND reason = 'Console reconcile test'",
                            drifted));
            assertEquals(50, count("SELECT balance FROM point_account WHERE user_id = ?", inconsistent));
        } finally {
            Fixtures.update("UPDATE point_transaction SET status = 'void' WHERE id = ?", unallocated);
        }
    }

    @Test
    void anAdminCreatesDisablesAndResetsAccountsAndStaffChangeTheirPassword() {
        newStaff("ADMIN");
        String login = "made-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/admin/accounts.xhtml");
        browser.type("create:login", login);
        browser.type("create:password", "short");
        browser.submit("create:submit");
        assertTrue(browser.text("messages").contains("A password is 10 to 200 characters"), browser.text("messages"));
        browser.type("create:login", login);
        browser.type("create:password", "a-good-long-password");
        browser.submit("create:submit");
        assertEquals("Account created.", browser.notice());
        long id = count("SELECT id FROM account WHERE login = ?", login);
        assertEquals("MANAGER", text("SELECT role FROM account WHERE id = ?", id));
        browser.screenshot("accounts");

        browser.submitConfirmed("toggle-" + id);
        assertEquals("Account disabled.", browser.notice());
        assertEquals(0, count("SELECT enabled FROM account WHERE id = ?", id));
        browser.submit("toggle-" + id);
        assertEquals("Account enabled.", browser.notice());

        new org.openqa.selenium.support.ui.Select(browser.find("reset:account")).selectByValue(Long.toString(id));
        browser.type("reset:password", "another-long-password");
        browser.submitConfirmed("reset:submit");
        assertEquals("Password reset; the account's sessions were closed.", browser.notice());

        browser.driver().manage().deleteAllCookies();
        browser.login(login, "another-long-password");
        assertTrue(browser.driver().getTitle().startsWith("Dashboard"));
        browser.open("/admin/password.xhtml");
        browser.type("password:current", "another-long-password");
        browser.type("password:fresh", "third-long-password");
        browser.type("password:repeated", "third-long-passwordX");
        browser.submit("password:submit");
        assertEquals(
                "The two new passwords differ.",
                browser.find("password")
                        .findElement(By.className("field-error"))
                        .getText());
        browser.type("password:current", "another-long-password");
        browser.type("password:fresh", "third-long-password");
        browser.type("password:repeated", "third-long-password");
        browser.submit("password:submit");
        assertEquals("Your password was changed.", browser.notice());
        browser.submit("logout");
        assertEquals("Log in · T-Work Points", browser.driver().getTitle());
        browser.login(login, "third-long-password");
        assertTrue(browser.driver().getTitle().startsWith("Dashboard"), "the new password works");
    }

    @Test
    void tiersAreCheckedAsAWholeAndSaved() {
        newStaff("ADMIN");
        String before = text("SELECT GROUP_CONCAT(CONCAT(tier_key, ':', label, ':', threshold, ':', multiplier)"
                + " ORDER BY threshold) FROM tier");
        String silver = text("SELECT tier_key FROM tier ORDER BY threshold LIMIT 1 OFFSET 2");
        String silverThreshold = text("SELECT threshold FROM tier WHERE tier_key = ?", silver);
        String silverLabel = text("SELECT label FROM tier WHERE tier_key = ?", silver);
        String silverMultiplier = text("SELECT multiplier FROM tier WHERE tier_key = ?", silver);
        try {
            browser.open("/admin/tiers.xhtml");
            browser.type(silver + "_multiplier", "0");
            browser.submit("tiers:submit");
            assertTrue(browser.driver().getPageSource().contains("Enter a number above 0 and at most 100"));
            assertEquals(
                    before,
                    text("SELECT GROUP_CONCAT(CONCAT(tier_key, ':', label, ':', threshold, ':', multiplier)"
                            + " ORDER BY threshold) FROM tier"),
                    "nothing saved");
            browser.type(silver + "_multiplier", "1.75");
            browser.type(silver + "_label", "Silver Plus");
            browser.submit("tiers:submit");
            assertEquals("Tiers saved.", browser.notice());
            assertEquals("Silver Plus", text("SELECT label FROM tier WHERE tier_key = ?", silver));
            assertEquals(silverThreshold, text("SELECT threshold FROM tier WHERE tier_key = ?", silver));
            assertEquals(
                    1,
                    count(
                            "SELECT COUNT(*) FROM audit_log WHERE action = 'tiers.updated' AND details LIKE ?",
                            "%Silver Plus%"));
        } finally {
            Fixtures.update(
                    "UPDATE tier SET label = ?, multiplier = ? WHERE tier_key = ?",
                    silverLabel,
                    silverMultiplier,
                    silver);
        }
    }

    @Test
    void theFailureAlertReachesStaffAndADismissalHidesIt() {
        newStaff("MANAGER");
        int threshold = Integer.parseInt(text("SELECT value FROM setting WHERE name = 'failure_alert_threshold'"));
        for (int i = 1; i <= threshold; i++) {
            Fixtures.update(
                    "INSERT INTO failure_event (occurred_at, kind, detail) VALUES (?, 'sync', ?)",
                    Fixtures.utc(Fixtures.now()),
                    "console test failure " + i);
        }
        browser.open("/admin/members.xhtml");
        String alert = browser.text("failure-alert");
        assertTrue(
                alert.startsWith("Point sync has failed ") && alert.contains("console test failure " + threshold),
                alert);
        browser.screenshot("failure-alert");
        browser.submit("dismiss-alert");
        assertEquals("Alert dismissed.", browser.notice());
        assertFalse(browser.has("failure-alert"));
    }

    @Test
    void reprocessingAnOrderWithoutEventsSaysSoAndWebhooksShowTheirState() {
        newStaff("ADMIN");
        browser.open("/admin/orders.xhtml");
        browser.type("reprocess:order", "WC-no-such-order");
        browser.submit("reprocess:submit");
        assertEquals("No event of order WC-no-such-order to re-process", browser.text("messages"));
        browser.open("/admin/webhooks.xhtml");
        assertTrue(browser.text("delivery-url").endsWith("/wp-json/twork/v1/points/webhooks/woocommerce"));
        assertTrue(browser.has("secret:value"));
        assertEquals(
                "secret:value",
                browser.driver().findElement(By.cssSelector("#secret label")).getAttribute("for"),
                "the label names the field");
    }

    @Test
    void everyVoidWritesOneKindOfRowAndTheOriginalSaysVoidedByEverywhere() throws Exception {
        newStaff("MANAGER");
        Fixtures.Key key = Fixtures.writeKey();
        long member = Fixtures.newMember();
        long lot = Fixtures.insertLot(member, "earn", 120, Fixtures.now(), null);
        Fixtures.insertLot(member, "earn", 300, Fixtures.now(), null);
        long redeem = Api.post(
                        "/redeem", key, "{\"user_id\": " + member + ", \"points\": 50, \"description\": \"Coffee\"}")
                .assertOk()
                .getJsonNumber("transaction_id")
                .longValue();

        browser.open("/admin/member.xhtml?id=" + member);
        WebElement redeemRow = browser.driver().findElement(By.cssSelector("tr[data-id='" + redeem + "']"));
        assertTrue(redeemRow.getText().contains("-50"), "a debit reads negative: " + redeemRow.getText());
        browser.follow("void-" + redeem);
        assertEquals(Long.toString(redeem), browser.find("void:transaction").getAttribute("value"), "pre-filled");
        String effect = browser.text("void-effect");
        assertEquals("Void #" + redeem + " (redeem, -50)? The balance changes by +50, from 370 to 420.", effect);
        browser.type("void:reason", "Refund at the till");
        assertEquals(effect, browser.submitConfirmed("void:submit"), "the confirmation states the effect");
        assertEquals("Transaction voided.", browser.notice());
        assertEquals("420", browser.text("balance"));
        assertEquals(420, Ledger.assertInvariant(member));

        browser.follow("void-" + lot);
        assertTrue(
                browser.text("void-effect").contains("changes by -120, from 420 to 300"), browser.text("void-effect"));
        browser.type("void:reason", "Credited by mistake");
        browser.submitConfirmed("void:submit");
        assertEquals("300", browser.text("balance"));
        assertEquals(300, Ledger.assertInvariant(member));

        // One kind of compensating row, naming what it voids.
        assertEquals(
                "adjust,adjust",
                text(
                        "SELECT GROUP_CONCAT(type ORDER BY id) FROM point_transaction WHERE user_id = ?"
                                + " AND bonus_key LIKE 'void:%'",
                        member));
        long redeemVoid = count("SELECT id FROM point_transaction WHERE bonus_key = ?", "void:" + redeem);
        long lotVoid = count("SELECT id FROM point_transaction WHERE bonus_key = ?", "void:" + lot);
        assertEquals(
                "Void of transaction #" + redeem + ": Refund at the till",
                text("SELECT description FROM point_transaction WHERE id = ?", redeemVoid));
        assertEquals(redeem, count("SELECT reverses_id FROM point_transaction WHERE id = ?", redeemVoid));
        assertEquals(0, count("SELECT COUNT(*) FROM point_transaction WHERE user_id = ? AND type = 'refund'", member));

        // The console: the originals say by what they were voided and offer no second void.
        WebElement original = browser.driver().findElement(By.cssSelector("tr[data-id='" + redeem + "']"));
        assertTrue(original.getText().contains("voided by #" + redeemVoid), original.getText());
        assertFalse(browser.has("void-" + redeem), "a voided row cannot be voided again");
        assertFalse(browser.has("void-" + redeemVoid), "nor can a void");
        assertTrue(browser.driver()
                .findElement(By.cssSelector("tr[data-id='" + lot + "']"))
                .getText()
                .contains("voided by #" + lotVoid));
        browser.screenshot("member-voided");

        // The API: same keys and types as before, status and voided_by added.
        jakarta.json.JsonArray rows = Api.get("/transactions/" + member + "?per_page=100", key)
                .assertOk()
                .getJsonArray("transactions");
        for (jakarta.json.JsonValue value : rows) {
            jakarta.json.JsonObject row = value.asJsonObject();
            assertEquals(jakarta.json.JsonValue.ValueType.STRING, row.get("id").getValueType());
            assertEquals(
                    jakarta.json.JsonValue.ValueType.NUMBER, row.get("points").getValueType());
            long id = Long.parseLong(row.getString("id"));
            if (id == redeem || id == lot) {
                assertEquals("voided", row.getString("status"), row.toString());
                assertEquals(Long.toString(id == redeem ? redeemVoid : lotVoid), row.getString("voided_by"));
            } else {
                assertEquals("available", row.getString("status"), row.toString());
                assertEquals(jakarta.json.JsonValue.NULL, row.get("voided_by"));
            }
        }

        // The CSV: signed points and the status.
        List<String> lines = csv("/admin/transactions.csv?member=" + member);
        String redeemLine = lines.stream()
                .filter(line -> line.startsWith(redeem + ","))
                .findFirst()
                .orElseThrow();
        assertTrue(redeemLine.contains(",redeem,-50,"), redeemLine);
        assertTrue(redeemLine.endsWith(",voided by #" + redeemVoid), redeemLine);

        // View in audit: the row's entries (here, the void's).
        browser.follow("audit-" + redeem);
        assertTrue(
                browser.text("audit-transaction-note").contains("#" + redeem), browser.text("audit-transaction-note"));
        assertTrue(browser.text("audit").contains("Refund at the till"), browser.text("audit"));
        assertFalse(browser.text("audit").contains("Credited by mistake"), "only this row's entries");

        long other = Fixtures.newMember();
        long foreign = Fixtures.insertLot(other, "earn", 10, Fixtures.now(), null);
        browser.open("/admin/member.xhtml?id=" + member);
        browser.type("void:transaction", Long.toString(foreign));
        browser.type("void:reason", "Wrong member");
        browser.submitConfirmed("void:submit");
        assertEquals(
                "Transaction " + foreign + " is not this member's.",
                browser.find("void").findElement(By.className("field-error")).getText());
        assertEquals(10, Ledger.assertInvariant(other));
        browser.type("void:transaction", Long.toString(lot));
        browser.type("void:reason", "Again");
        browser.submitConfirmed("void:submit");
        assertTrue(browser.text("messages").contains("already void"), browser.text("messages"));
        assertEquals(300, Ledger.assertInvariant(member), "a second void changes nothing");
    }

    @Test
    void aRefreshAfterEveryPostRepeatsNothing() {
        long staff = newStaff("ADMIN");
        long member = Fixtures.newMember();
        long lot = Fixtures.insertLot(member, "earn", 100, Fixtures.now(), null);

        browser.open("/admin/member.xhtml?id=" + member);
        browser.type("adjust:delta", "10");
        browser.type("adjust:reason", "Refresh test");
        browser.submit("adjust:submit");
        assertRefreshRepeatsNothing(staff, member, "adjust");

        browser.open("/admin/member.xhtml?id=" + member + "&void=" + lot);
        browser.type("void:reason", "Refresh test");
        browser.submitConfirmed("void:submit");
        assertRefreshRepeatsNothing(staff, member, "void");

        browser.open("/admin/keys.xhtml");
        browser.type("create:description", "Refresh test key");
        browser.submit("create:submit");
        assertRefreshRepeatsNothing(staff, member, "create key");

        String login = "refresh-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/admin/accounts.xhtml");
        browser.type("create:login", login);
        browser.type("create:password", "a-good-long-password");
        browser.submit("create:submit");
        assertRefreshRepeatsNothing(staff, member, "create account");
        long made = count("SELECT id FROM account WHERE login = ?", login);
        browser.submitConfirmed("toggle-" + made);
        assertRefreshRepeatsNothing(staff, member, "disable account");

        browser.open("/admin/tiers.xhtml");
        browser.submit("tiers:submit");
        assertRefreshRepeatsNothing(staff, member, "save tiers");

        browser.open("/admin/reports.xhtml");
        browser.submitConfirmed("expiry:submit");
        assertRefreshRepeatsNothing(staff, member, "run expiry");
    }

    /** After a POST: the page is its redirect's GET, and loading it again writes nothing. */
    private static void assertRefreshRepeatsNothing(long staff, long member, String action) {
        assertTrue(
                browser.has("notice"),
                action + " answered with a redirect and a notice: "
                        + browser.driver().getTitle());
        long audited = count("SELECT COUNT(*) FROM audit_log WHERE actor = ?", "account:" + staff);
        long rows = Ledger.rows(member);
        long keys = count("SELECT COUNT(*) FROM api_key");
        long accounts = count("SELECT COUNT(*) FROM account");
        browser.driver().navigate().refresh();
        assertTrue(browser.has("notice"), action + ": still the same page");
        assertEquals(audited, count("SELECT COUNT(*) FROM audit_log WHERE actor = ?", "account:" + staff), action);
        assertEquals(rows, Ledger.rows(member), action);
        assertEquals(keys, count("SELECT COUNT(*) FROM api_key"), action);
        assertEquals(accounts, count("SELECT COUNT(*) FROM account"), action);
    }

    @Test
    void badFiltersSayWhatIsWrongAndShowNothingAndPagesStayInBounds() throws Exception {
        newStaff("MANAGER");
        long member = Fixtures.newMember();
        Fixtures.insertRow(member, "earn", 40, "Order points", "WC-" + member, Fixtures.now(), null, "available");

        browser.open("/admin/transactions.xhtml?type=bogus");
        assertEquals("Unknown type: pick one from the list.", browser.text("filter-problem"));
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector("table.transactions"))
                        .isEmpty(),
                "no list");

        browser.open("/admin/transactions.xhtml?from=2026-02-01&to=2026-01-01");
        assertTrue(browser.text("filter-problem").contains("is after the To date"), browser.text("filter-problem"));
        assertTrue(browser.driver()
                .findElements(By.cssSelector("table.transactions"))
                .isEmpty());
        assertEquals(400, fetch("/admin/transactions.csv?type=bogus").statusCode(), "nor an export");

        browser.open("/admin/transactions.xhtml?order=" + member);
        List<WebElement> found = browser.driver().findElements(By.cssSelector("table.transactions tbody tr"));
        assertEquals(1, found.size(), "the order filter finds WC-N by N");
        assertTrue(found.get(0).getText().contains("WC-" + member));

        browser.open("/admin/transactions.xhtml?member=" + member + "&page=99");
        assertTrue(browser.driver()
                .findElement(By.cssSelector("nav.pager"))
                .getText()
                .startsWith("Page 1 of 1"));
        assertEquals(
                1,
                browser.driver()
                        .findElements(By.cssSelector("table.transactions tbody tr"))
                        .size());
        browser.open("/admin/members.xhtml?page=99999");
        String pager = browser.driver().findElement(By.cssSelector("nav.pager")).getText();
        java.util.regex.Matcher pages =
                java.util.regex.Pattern.compile("Page (\\d+) of (\\d+)").matcher(pager);
        assertTrue(pages.find() && pages.group(1).equals(pages.group(2)), "the last page, not page 99999: " + pager);

        browser.open("/admin/member.xhtml?id=abc");
        assertEquals("Member not found · T-Work Points", browser.driver().getTitle());
        assertTrue(browser.text("main").contains("There is no member with this id"));
        assertEquals(404, fetch("/admin/member.xhtml?id=abc").statusCode());
        assertEquals(404, fetch("/admin/member.xhtml?id=999999999999").statusCode());
    }

    @Test
    void buttonsPeopleAmountsAndFiguresReadAsAManagerExpects() throws Exception {
        long admin = newStaff("ADMIN");
        long member = Fixtures.newMember();
        browser.open("/admin/member.xhtml?id=" + member);
        assertEquals("rgba(31, 95, 191, 1)", browser.find("adjust:submit").getCssValue("background-color"));
        assertEquals("rgba(255, 255, 255, 1)", browser.find("adjust:submit").getCssValue("color"));
        assertEquals(
                "rgba(179, 38, 30, 1)",
                browser.find("void:submit").getCssValue("background-color"),
                "the void button is red");

        browser.open("/admin/accounts.xhtml");
        assertFalse(browser.has("toggle-" + admin), "your own row offers no Disable");
        assertTrue(browser.text("own-" + admin).startsWith("You"));

        browser.open("/admin/audit.xhtml?actor=" + staffLogin);
        assertTrue(browser.has("audit") || browser.text("main").contains("No audit entries"));
        long adjustments = count("SELECT COUNT(*) FROM audit_log WHERE actor = ?", "account:" + admin);
        browser.open("/admin/member.xhtml?id=" + member);
        browser.type("adjust:delta", "5");
        browser.type("adjust:reason", "Filter by login");
        browser.submit("adjust:submit");
        browser.open("/admin/audit.xhtml?actor=" + staffLogin);
        List<WebElement> byLogin = browser.driver().findElements(By.cssSelector("#audit tbody tr"));
        assertEquals(adjustments + 1, byLogin.size(), "the audit filter takes a login");
        assertTrue(byLogin.get(0).getText().contains(staffLogin));
        Fixtures.Key key = Fixtures.writeKey();
        Api.post("/earn", key, "{\"user_id\": " + member + ", \"points\": 7}").assertOk();
        browser.open("/admin/transactions.xhtml?member=" + member + "&type=earn");
        assertTrue(
                browser.driver()
                        .findElement(By.cssSelector("table.transactions tbody tr"))
                        .getText()
                        .contains("key " + key.id() + " (test key)"),
                "a key by its description");

        String order = "WC-money-" + member;
        Fixtures.update(
                "INSERT INTO shop_order (order_id, user_id, status, total, eligible_total, first_seen_at, updated_at)"
                        + " VALUES (?, ?, 'completed', 1234.5000, 123.4500, ?, ?)",
                order,
                member,
                Fixtures.utc(Fixtures.now()),
                Fixtures.utc(Fixtures.now()));
        browser.open("/admin/orders.xhtml");
        String orderRow = browser.driver()
                .findElement(By.xpath("//table[@id='orders']//tr[td[1][text()='" + order + "']]"))
                .getText();
        assertTrue(orderRow.contains("1,234.50") && orderRow.contains("123.45"), orderRow);
        assertFalse(orderRow.contains("123.4500"), orderRow);

        String appOrder = "WC-app-" + member;
        Api.post("/earn", key, "{\"user_id\": " + member + ", \"points\": 9, \"order_id\": \"" + appOrder + "\"}")
                .assertOk();
        browser.type("reprocess:order", appOrder);
        browser.submit("reprocess:submit");
        assertTrue(browser.text("messages").contains("never reported it"), browser.text("messages"));
        assertTrue(browser.text("order-rows-title").contains(appOrder));
        assertEquals(
                1,
                browser.driver()
                        .findElements(By.cssSelector("table.transactions tbody tr"))
                        .size());

        browser.open("/admin/");
        assertEquals(
                6,
                browser.driver()
                        .findElements(By.cssSelector("#totals .explain"))
                        .size(),
                "every card says what it counts");
        assertEquals(
                7,
                browser.driver().findElements(By.cssSelector("#kpis .explain")).size(),
                "every KPI too");
        assertTrue(browser.text("daily-explain").contains("referral and birthday"), browser.text("daily-explain"));

        HttpResponse<byte[]> icon = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Api.base() + "/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, icon.statusCode());
        assertTrue(icon.body().length > 0);
    }

    @Test
    void staffEditAMemberABlockedMemberEarnsNothingAndTheActivityTellsTheStory() {
        newStaff("MANAGER");
        Fixtures.Key key = Fixtures.writeKey();
        long member = Fixtures.newMember();
        String bronze = text("SELECT label FROM tier ORDER BY threshold LIMIT 1 OFFSET 1");
        long bronzeAt = count("SELECT threshold FROM tier ORDER BY threshold LIMIT 1 OFFSET 1");
        Api.post("/earn", key, "{\"user_id\": " + member + ", \"points\": " + bronzeAt + "}")
                .assertOk();
        long pending = Fixtures.insertRow(
                member, "earn", 70, "Held order", "WC-held-" + member, Fixtures.now(), null, "pending");
        java.time.Instant release = Fixtures.now().plus(Duration.ofDays(14));
        Fixtures.update(
                "UPDATE point_transaction SET remaining = 70, release_at = ? WHERE id = ?",
                Fixtures.utc(release),
                pending);
        Fixtures.update("UPDATE point_account SET pending = pending + 70 WHERE user_id = ?", member);
        String customer = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.newAccount(customer, PASSWORD, "CUSTOMER", member);
        Reply login = Api.send(Api.request(Api.PREFIX + "/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\": \"" + customer + "\", \"password\": \"" + PASSWORD + "\"}"))
                .build());
        assertEquals(200, login.status(), login.body());

        browser.open("/admin/member.xhtml?id=" + member);
        String lots = browser.text("lots");
        assertTrue(
                lots.contains(release.atZone(
                                java.time.ZoneId.of(text("SELECT value FROM setting WHERE name = 'site_timezone'")))
                        .toLocalDate()
                        .toString()),
                "a pending lot shows when it releases: " + lots);
        browser.type("edit:name", "Ana Example");
        browser.type("edit:email", "not-an-email");
        browser.type("edit:reason", "Customer called");
        browser.submit("edit:submit");
        assertTrue(
                browser.find("edit").getText().contains("Enter an e-mail address"),
                browser.find("edit").getText());
        assertEquals(
                "Member " + member, text("SELECT display_name FROM member WHERE user_id = ?", member), "unchanged");

        browser.type("edit:name", "Ana Example");
        browser.type("edit:email", "ana." + member + "@example.test");
        browser.driver().executeScript("arguments[0].value = '1990-05-17'", browser.find("edit:birthday"));
        new org.openqa.selenium.support.ui.Select(browser.find("edit:status")).selectByValue("inactive");
        browser.type("edit:reason", "Fraud check");
        browser.submit("edit:submit");
        assertEquals("Member saved.", browser.notice());
        assertEquals("inactive", text("SELECT status FROM member WHERE user_id = ?", member));
        assertEquals("1990-05-17", text("SELECT birthday FROM member WHERE user_id = ?", member));
        assertTrue(browser.text("member-status").startsWith("blocked"), browser.text("member-status"));
        assertEquals("Ana Example", browser.find("edit:name").getAttribute("value"));

        Reply earn = Api.post("/earn", key, "{\"user_id\": " + member + ", \"points\": 10}");
        earn.assertError(403, "rest_user_inactive");
        Reply redeem = Api.post("/redeem", key, "{\"user_id\": " + member + ", \"points\": 10}");
        redeem.assertError(403, "rest_user_inactive");
        assertEquals(bronzeAt, Ledger.assertInvariant(member), "a blocked member's points do not move");

        List<WebElement> events = browser.driver().findElements(By.cssSelector("#activity li"));
        String kinds = events.stream()
                .map(event -> event.getAttribute("data-kind"))
                .distinct()
                .sorted()
                .reduce("", (a, b) -> a + b + " ");
        assertEquals("points session staff tier ", kinds, "every kind of event in one list");
        String activity = browser.text("activity");
        assertTrue(activity.contains("member.updated") && activity.contains("Fraud check"), activity);
        assertTrue(activity.contains("reached " + bronze), activity);
        assertTrue(activity.contains("signed in"), activity);
        browser.screenshot("member-care");

        new org.openqa.selenium.support.ui.Select(browser.find("edit:status")).selectByValue("active");
        browser.type("edit:reason", "Checked, all fine");
        browser.submit("edit:submit");
        assertEquals("Member saved.", browser.notice());
        Api.post("/earn", key, "{\"user_id\": " + member + ", \"points\": 10}").assertOk();
    }

    @Test
    void membersFilterByTierStatusBalanceAndActivityPageStablyAndExport() throws Exception {
        newStaff("MANAGER");
        String tag = "filters" + UUID.randomUUID().toString().substring(0, 6);
        String bronze = text("SELECT tier_key FROM tier ORDER BY threshold LIMIT 1 OFFSET 1");
        String bronzeLabel = text("SELECT label FROM tier WHERE tier_key = ?", bronze);
        long bronzeAt = count("SELECT threshold FROM tier WHERE tier_key = ?", bronze);
        List<Long> members = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long member = Fixtures.newMember(i % 4 == 3 ? "inactive" : "active");
            Fixtures.update("UPDATE member SET display_name = ? WHERE user_id = ?", tag + " " + i, member);
            Fixtures.insertLot(member, "earn", 100 * (i + 1), Fixtures.now(), null);
            members.add(member);
        }
        long rich = members.get(11);
        Fixtures.update("UPDATE point_account SET lifetime_earned = ? WHERE user_id = ?", bronzeAt + 1, rich);
        long idle = members.get(0);
        Fixtures.update(
                "UPDATE point_account SET updated_at = ? WHERE user_id = ?",
                Fixtures.utc(Fixtures.now().minus(Duration.ofDays(200))),
                idle);

        browser.open("/admin/members.xhtml");
        browser.type("member-search", tag);
        new org.openqa.selenium.support.ui.Select(browser.find("filter-status")).selectByValue("active");
        browser.type("filter-min", "300");
        browser.type("filter-max", "1000");
        new org.openqa.selenium.support.ui.Select(browser.find("filter-per")).selectByValue("10");
        browser.submit("search-submit");
        // Active (not every 4th), balance 300..1000: members 2, 4, 5, 6, 8, 9 (index), 6 rows.
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#members tbody tr"));
        assertEquals(6, rows.size(), "filters applied together");
        assertTrue(rows.stream().allMatch(row -> row.getText().contains("active")));
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("status=active") && url.contains("min=300") && url.contains("per=10"), url);
        browser.driver().navigate().refresh();
        assertEquals(
                6,
                browser.driver()
                        .findElements(By.cssSelector("#members tbody tr"))
                        .size(),
                "the URL is the state");

        browser.open("/admin/members.xhtml?q=" + tag + "&per=10&sort=balance&dir=desc");
        assertEquals(
                10,
                browser.driver()
                        .findElements(By.cssSelector("#members tbody tr"))
                        .size(),
                "rows per page");
        String next = browser.driver()
                .findElement(By.cssSelector("nav.pager a[rel=next]"))
                .getAttribute("href");
        assertTrue(
                next.contains("q=" + tag)
                        && next.contains("sort=balance")
                        && next.contains("per=10")
                        && next.contains("page=2"),
                next);
        browser.driver().get(next);
        assertEquals(
                2,
                browser.driver()
                        .findElements(By.cssSelector("#members tbody tr"))
                        .size());

        browser.open("/admin/members.xhtml?q=" + tag + "&tier=" + bronze);
        List<WebElement> tiered = browser.driver().findElements(By.cssSelector("#members tbody tr"));
        assertEquals(1, tiered.size());
        assertEquals(Long.toString(rich), tiered.get(0).getAttribute("data-member"));
        assertTrue(
                tiered.get(0).getText().contains(bronzeLabel),
                "the tier column: " + tiered.get(0).getText());

        browser.open("/admin/members.xhtml?q=" + tag + "&idle=180");
        List<WebElement> idleRows = browser.driver().findElements(By.cssSelector("#members tbody tr"));
        assertEquals(1, idleRows.size());
        assertEquals(Long.toString(idle), idleRows.get(0).getAttribute("data-member"));
        browser.open("/admin/members.xhtml?q=" + tag + "&active=30");
        assertEquals(
                11,
                browser.driver()
                        .findElements(By.cssSelector("#members tbody tr"))
                        .size());

        browser.open("/admin/members.xhtml?q=" + tag + "&min=900&max=100");
        assertTrue(browser.text("member-filter-problems").contains("is above"), browser.text("member-filter-problems"));
        assertFalse(browser.has("members"), "no rows under a filter problem");
        browser.screenshot("members-filtered");

        List<String> lines = csv("/admin/members.csv?q=" + tag + "&status=inactive&sort=balance&dir=asc");
        assertEquals(MEMBERS_CSV_HEADER, lines.get(0));
        assertEquals(4, lines.size(), "header and the three blocked members: " + lines);
        assertTrue(lines.get(1).startsWith(members.get(3) + ",") && lines.get(1).contains(",blocked,"), lines.get(1));
        assertEquals(400, fetch("/admin/members.csv?tier=nope").statusCode());
    }

    static final String MEMBERS_CSV_HEADER = "User ID,Name,E-mail,Status,Tier,Balance,Earned (all time),Last activity";

    @Test
    void theDashboardComparesAChosenPeriodWithThePeriodBefore() {
        newStaff("MANAGER");
        long member = Fixtures.newMember();
        long other = Fixtures.newMember();
        // 2001 holds no other test's rows: the figures are exactly these. Days are the site zone's.
        java.time.ZoneId zone = java.time.ZoneId.of(text("SELECT value FROM setting WHERE name = 'site_timezone'"));
        java.util.function.Function<String, java.time.Instant> noon =
                day -> LocalDate.parse(day).atTime(12, 0).atZone(zone).toInstant();
        Fixtures.insertRow(member, "earn", 1000, "Order", null, noon.apply("2001-03-05"), null, "available");
        Fixtures.insertRow(member, "adjust", 50, "Goodwill", null, noon.apply("2001-03-06"), null, "available");
        Fixtures.insertRow(member, "redeem", 250, "Coffee", null, noon.apply("2001-03-07"), null, "available");
        Fixtures.insertRow(other, "expire", 30, "Expired", null, noon.apply("2001-03-08"), null, "available");
        Fixtures.insertRow(member, "earn", 999, "Held", null, noon.apply("2001-03-08"), null, "pending");
        Fixtures.insertRow(other, "earn", 400, "Order", null, noon.apply("2001-02-25"), null, "available");

        browser.open("/admin/?from=2001-03-01&to=2001-03-10");
        assertTrue(
                browser.text("kpi-title").startsWith("2001-03-01 to 2001-03-10 (10 days)"), browser.text("kpi-title"));
        assertTrue(browser.text("kpi-issued").startsWith("1,050"), browser.text("kpi-issued"));
        assertEquals("+162.5 % (before: 400)", browser.text("kpi-issued-change"));
        assertTrue(browser.text("kpi-redeemed").startsWith("250"), browser.text("kpi-redeemed"));
        assertTrue(browser.text("kpi-expired").startsWith("30"), browser.text("kpi-expired"));
        assertTrue(browser.text("kpi-rate").startsWith("23.8 %"), browser.text("kpi-rate"));
        assertTrue(browser.text("kpi-active").startsWith("2"), browser.text("kpi-active"));
        assertEquals(
                10,
                browser.driver()
                        .findElements(By.cssSelector("#daily-chart rect[data-series='earned']"))
                        .size());
        String outstanding = text("SELECT CAST(ROUND(COALESCE(SUM(balance), 0) / (SELECT value FROM setting"
                + " WHERE name = 'redemption_rate'), 2) AS DECIMAL(30, 2)) FROM point_account");
        assertTrue(
                browser.text("kpi-liability").replace(",", "").startsWith(outstanding),
                browser.text("kpi-liability") + " vs " + outstanding);
        browser.screenshot("dashboard-period");

        long pending = Fixtures.insertRow(member, "earn", 77, "Held order", null, Fixtures.now(), null, "pending");
        LocalDate releaseDay = LocalDate.now(zone).plusDays(3);
        Fixtures.update(
                "UPDATE point_transaction SET remaining = 77, release_at = ? WHERE id = ?",
                Fixtures.utc(releaseDay.atTime(12, 0).atZone(zone).toInstant()),
                pending);
        browser.open("/admin/");
        assertTrue(browser.text("releases").contains(releaseDay.toString()), browser.text("releases"));
        assertEquals(
                30,
                browser.driver()
                        .findElements(By.cssSelector("#daily-chart rect[data-series='earned']"))
                        .size(),
                "the last 30 days by default");

        browser.open("/admin/?from=2001-03-10&to=2001-03-01");
        assertTrue(browser.text("period-problem").contains("after the To date"), browser.text("period-problem"));
    }

    static final List<String> MAIN_PAGES = List.of(
            "",
            "members.xhtml",
            "member.xhtml?id=",
            "transactions.xhtml",
            "orders.xhtml",
            "reports.xhtml",
            "tiers.xhtml",
            "webhooks.xhtml",
            "audit.xhtml",
            "settings.xhtml",
            "keys.xhtml",
            "accounts.xhtml",
            "password.xhtml");

    @Test
    void everyMainPageFitsAPhoneAndPassesTheAccessibilityScan() {
        newStaff("ADMIN");
        long member = Fixtures.newMember();
        Fixtures.insertLot(member, "earn", 321, Fixtures.now(), null);
        Fixtures.insertRow(member, "redeem", 21, "Coffee", "WC-phone-" + member, Fixtures.now(), null, "available");
        List<String> violations = new java.util.ArrayList<>();
        for (String page : MAIN_PAGES) {
            browser.open("/admin/" + page + (page.endsWith("=") ? Long.toString(member) : ""));
            browser.seriousAccessibilityViolations().forEach(found -> violations.add("desktop " + page + ": " + found));
        }
        browser.resize(390, 844);
        try {
            for (String page : MAIN_PAGES) {
                String name = page.isEmpty() ? "index" : page.replaceAll("\\.xhtml.*", "");
                browser.open("/admin/" + page + (page.endsWith("=") ? Long.toString(member) : ""));
                Object overflow = browser.driver()
                        .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone: " + name);
                long header = ((Number) browser.driver()
                                .executeScript(
                                        "return document.querySelector('header.top').getBoundingClientRect().height;"))
                        .longValue();
                assertTrue(header <= 64, name + ": the menu folds away, the header is " + header + " px tall");
                browser.driver().executeScript("window.scrollTo(0, 0);");
                browser.screenshot("phone-" + name);
                browser.seriousAccessibilityViolations()
                        .forEach(found -> violations.add("phone " + name + ": " + found));
            }

            browser.open("/admin/members.xhtml?q=" + member);
            assertEquals(
                    "block",
                    browser.driver()
                            .findElement(By.cssSelector("#members tbody tr"))
                            .getCssValue("display"),
                    "a table row becomes a card");
            WebElement balance = browser.driver()
                    .findElement(
                            By.cssSelector("#members tbody tr[data-member='" + member + "'] td[data-label='Balance']"));
            assertEquals("321", balance.getText());
            assertEquals(
                    "\"Balance\"",
                    browser.driver()
                            .executeScript("return getComputedStyle(arguments[0], '::before').content;", balance),
                    "each value carries its label on the card");
            assertFalse(browser.driver().findElement(By.id("console-menu")).isDisplayed(), "the menu is folded");
            browser.find("menu-toggle").click();
            assertTrue(browser.driver().findElement(By.id("console-menu")).isDisplayed(), "the Menu button opens it");
            assertEquals("true", browser.find("menu-toggle").getAttribute("aria-expanded"));
            browser.screenshot("phone-menu-open");

            browser.open("/admin/");
            for (WebElement label : browser.driver().findElements(By.cssSelector("#daily-chart text"))) {
                double height = label.getRect().getHeight();
                assertTrue(height >= 9, "chart labels are readable on a phone: " + height + " px");
            }
        } finally {
            browser.resize(1280, 1000);
        }
        browser.driver().manage().deleteAllCookies();
        browser.open("/admin/login.xhtml");
        browser.seriousAccessibilityViolations().forEach(found -> violations.add("login: " + found));
        assertEquals(List.of(), violations, "no serious or critical accessibility violation on any page");
    }

    /** A console URL fetched with this browser's session cookie. */
    private static HttpResponse<String> fetch(String path) throws Exception {
        String cookie =
                browser.driver().manage().getCookieNamed("twork_console").getValue();
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Api.base() + path))
                                .header("Cookie", "twork_console=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> csv(String path) throws Exception {
        HttpResponse<String> csv = fetch(path);
        assertEquals(200, csv.statusCode(), csv.body());
        return csv.body().replace("\uFEFF", "").lines().toList();
    }
}
