package com.twork.points.launcher.tools.legacy;

import com.twork.points.launcher.tools.legacy.Anomaly.Kind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Members from {@code <prefix>users}: the shop's customers keyed by their WordPress id, active when WordPress
 * calls the account normal ({@code user_status} 0, the plugin's own test). Ledger rows of ids no longer in the
 * users table keep their member as an inactive placeholder, so their ids stay known.
 */
final class MemberImport {
    static final int EMAIL_MAX = 254;
    static final int NAME_MAX = 250;

    private MemberImport() {}

    record Member(long userId, String email, String displayName, String status, Instant createdAt) {}

    static List<Member> members(
            List<LegacySnapshot.User> users, List<LegacyTransaction> transactions, Instant now, List<Anomaly> notes) {
        Map<Long, Member> members = new LinkedHashMap<>();
        for (LegacySnapshot.User user : users) {
            String name = blankToNull(user.displayName());
            members.put(
                    user.id(),
                    new Member(
                            user.id(),
                            cut(blankToNull(user.email()), EMAIL_MAX),
                            cut(name == null ? blankToNull(user.login()) : name, NAME_MAX),
                            user.status() == 0 ? "active" : "inactive",
                            user.registeredAt() == null ? now : user.registeredAt()));
        }
        for (LegacyTransaction row : transactions) {
            if (!members.containsKey(row.userId())) {
                Member placeholder =
                        new Member(row.userId(), null, "Legacy user " + row.userId(), "inactive", row.createdAt());
                members.put(row.userId(), placeholder);
                notes.add(Anomaly.ofMember(
                        Kind.UNKNOWN_MEMBER,
                        row.userId(),
                        "has ledger rows but is not in the users table: imported as an inactive member"));
            }
        }
        return List.copyOf(members.values());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
