package com.twork.points.ledger.rest;

import com.twork.points.ledger.boundary.HistoryPage;
import com.twork.points.ledger.entity.PointTransaction;
import com.twork.points.ledger.entity.TransactionSource;
import com.twork.points.ledger.entity.TransactionType;
import com.twork.points.rule.boundary.AwardExplanations;
import com.twork.points.rule.control.AwardBreakdown;
import com.twork.points.rule.rest.RuleWire;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds each order award's breakdown to its history row as the extra key {@code breakdown} (issue 23); the app's keys
 * and types stay as they are. Only a page holding order awards costs the one extra query.
 */
final class AwardBreakdowns {
    private AwardBreakdowns() {}

    static TransactionListBody added(
            TransactionListBody body, long userId, HistoryPage page, AwardExplanations explanations) {
        Set<Long> awards = page.rows().stream()
                .filter(row -> row.type() == TransactionType.EARN
                        && row.source() == TransactionSource.WEBHOOK
                        && row.orderId().isPresent())
                .map(PointTransaction::id)
                .collect(Collectors.toSet());
        if (awards.isEmpty()) {
            return body;
        }
        Map<Long, AwardBreakdown> explained = explanations.of(userId, awards);
        if (explained.isEmpty()) {
            return body;
        }
        return new TransactionListBody(
                body.transactions().stream()
                        .map(row -> {
                            AwardBreakdown breakdown = explained.get(Long.parseLong(row.id()));
                            return breakdown == null ? row : row.explained(RuleWire.entries(breakdown));
                        })
                        .toList(),
                body.total(),
                body.page(),
                body.perPage(),
                body.totalPages());
    }
}
