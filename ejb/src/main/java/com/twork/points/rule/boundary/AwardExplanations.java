package com.twork.points.rule.boundary;

import com.twork.points.rule.control.AwardBreakdown;
import com.twork.points.rule.control.OrderAwards;
import com.twork.points.rule.entity.AwardEntry;
import com.twork.points.security.boundary.CustomerAccess;
import com.twork.points.security.boundary.RequiresPermission;
import com.twork.points.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored breakdowns of a member's order awards, for the history route and the console: "2× Summer coffee: +48".
 * Read-only; whoever may read the member's history may read them.
 */
@Stateless
public class AwardExplanations {
    @Inject
    OrderAwards awards;

    /** The breakdown of each of the member's award rows among {@code transactionIds} that has one; one query. */
    @RequiresPermission(value = Permission.READ, customers = CustomerAccess.OWN_MEMBER)
    public Map<Long, AwardBreakdown> of(long userId, Set<Long> transactionIds) {
        Map<Long, AwardBreakdown> explained = new LinkedHashMap<>();
        awards.entries(transactionIds).forEach((transactionId, entries) -> {
            if (entries.stream().allMatch(entry -> entry.userId() == userId)) {
                explained.put(
                        transactionId,
                        new AwardBreakdown(
                                entries.stream().map(AwardExplanations::entry).toList()));
            }
        });
        return explained;
    }

    private static AwardBreakdown.Entry entry(AwardEntry entry) {
        return new AwardBreakdown.Entry(
                entry.lineKey(), entry.ruleId(), entry.ruleVersion(), entry.label(), entry.points(), entry.capped());
    }

    /** For callers that show only the lines rules changed. */
    public static List<AwardBreakdown.Entry> byRules(AwardBreakdown breakdown) {
        return breakdown.entries().stream()
                .filter(entry -> entry.ruleId() != AwardBreakdown.BASE_RATE)
                .toList();
    }
}
