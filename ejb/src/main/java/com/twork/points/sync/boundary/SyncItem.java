package com.twork.points.sync.boundary;

import com.twork.points.ledger.boundary.EarnCommand;
import com.twork.points.ledger.boundary.RedeemCommand;
import com.twork.points.platform.boundary.InvalidInputException;
import java.util.Optional;

/**
 * One item of a batch as read from the wire: what it asks for (a credit or a redemption), or that it is
 * ignored (type {@code expire}), or what is wrong with it. {@code id} is the app's own id of the event, or one
 * of our transaction ids when the app echoes our rows.
 */
public record SyncItem(
        int index,
        Optional<String> id,
        Optional<EarnCommand> earn,
        Optional<RedeemCommand> redeem,
        boolean ignored,
        Optional<InvalidInputException> problem) {

    public static SyncItem rejected(int index, Optional<String> id, InvalidInputException problem) {
        return new SyncItem(index, id, Optional.empty(), Optional.empty(), false, Optional.of(problem));
    }

    public static SyncItem ignored(int index, Optional<String> id) {
        return new SyncItem(index, id, Optional.empty(), Optional.empty(), true, Optional.empty());
    }
}
