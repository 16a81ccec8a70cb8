package com.twork.points.ledger.boundary;

import com.twork.points.ledger.entity.PointTransaction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Lots about to expire, with the moment they were read and the zone to show them in. */
public record ExpiringLots(List<PointTransaction> lots, Instant readAt, ZoneId siteZone) {}
