package com.twork.points.launcher.tools.legacy;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Everything an import will write, worked out before anything is written, and the report about it. */
record ImportPlan(
        LegacySnapshot source,
        List<MemberImport.Member> members,
        RebuiltLedger ledger,
        List<SettingsImport.Change> settings,
        List<KeyImport.Key> keys,
        List<Anomaly> anomalies,
        long nextTransactionId) {

    static ImportPlan of(LegacySnapshot source, Instant now) {
        List<Anomaly> notes = new ArrayList<>(source.notes());
        List<LegacyTransaction> transactions = new ArrayList<>();
        for (LegacyTransaction row : source.transactions()) {
            if (row.userId() > 0) {
                transactions.add(row);
            } else {
                notes.add(new Anomaly(
                        Kind.UNKNOWN_MEMBER,
                        null,
                        row.id(),
                        "belongs to user id " + row.userId() + ", which no member can have: not imported"));
            }
        }
        List<MemberImport.Member> members = MemberImport.members(source.users(), transactions, now, notes);
        RebuiltLedger ledger =
                LedgerRebuild.rebuild(transactions, source.siteZone().zone(), now);
        notes.addAll(ledger.anomalies());
        List<SettingsImport.Change> settings = SettingsImport.plan(source.options(), source.siteZone(), notes);
        List<KeyImport.Key> keys = KeyImport.keys(source.apiKeys(), notes);
        long maxId = source.transactions().stream()
                .mapToLong(LegacyTransaction::id)
                .max()
                .orElse(0);
        long next = Math.max(Math.max(source.nextTransactionId(), maxId + 1), 1);
        return new ImportPlan(source, members, ledger, settings, keys, notes, next);
    }

    long corrected() {
        return anomalies.stream().filter(anomaly -> anomaly.kind().corrected()).count();
    }

    ImportWriter.ImportCounts counts() {
        return new ImportWriter.ImportCounts(
                members.size(),
                ledger.rows().size(),
                keys.size(),
                source.auditRows().size(),
                anomalies.size(),
                nextTransactionId - 1);
    }

    String summary() {
        return members.size() + " members, " + ledger.rows().size() + " transactions, " + keys.size()
                + " API keys, " + source.auditRows().size() + " legacy audit rows, " + corrected()
                + " anomalies corrected; fingerprint " + source.fingerprint();
    }

    /** The report printed and kept in the import log; {@code settingLines} say what each setting became. */
    String report(List<String> settingLines) {
        StringBuilder report = new StringBuilder();
        line(report, "Legacy import of " + source.identity() + " from " + source.location());
        line(
                report,
                "Site time zone: " + source.siteZone().source() + " (the plugin's local times are converted to UTC)");
        line(
                report,
                "Read " + source.users().size() + " users, "
                        + source.transactions().size() + " transactions, "
                        + source.auditRows().size() + " audit rows, "
                        + source.apiKeys().size() + " API keys.");
        List<Anomaly> corrected =
                anomalies.stream().filter(anomaly -> anomaly.kind().corrected()).toList();
        List<Anomaly> noted = anomalies.stream()
                .filter(anomaly -> !anomaly.kind().corrected())
                .toList();
        line(report, "Corrected (" + corrected.size() + "):");
        corrected.forEach(anomaly -> line(report, "  " + anomaly.line()));
        line(report, "Kept as the plugin had them, for staff to review (" + noted.size() + "):");
        noted.forEach(anomaly -> line(report, "  " + anomaly.line()));
        line(report, "Settings:" + (settingLines.isEmpty() ? " none in the source" : ""));
        settingLines.forEach(setting -> line(report, "  " + setting));
        line(report, "API keys:" + (keys.isEmpty() ? " none imported" : ""));
        keys.forEach(key -> line(
                report, "  ..." + key.truncatedKey() + " " + key.permission().wire() + " (" + key.description() + ")"));
        long allocations = ledger.allocations().size();
        line(
                report,
                "Imported " + members.size() + " members, " + ledger.rows().size() + " transactions, " + allocations
                        + " allocations, " + ledger.accounts().size() + " accounts, "
                        + ledger.orders().size()
                        + " shop orders, " + keys.size() + " API keys, "
                        + source.auditRows().size()
                        + " legacy audit rows.");
        long shown = ledger.accounts().stream()
                .mapToLong(RebuiltLedger.Account::shownBalance)
                .sum();
        long plugin = ledger.accounts().stream()
                .mapToLong(RebuiltLedger.Account::pluginShownBalance)
                .sum();
        line(report, "Balances: " + shown + " points spendable now in total; the plugin showed " + plugin + ".");
        return report.toString();
    }

    private static void line(StringBuilder report, String text) {
        report.append(text).append(System.lineSeparator());
    }
}
