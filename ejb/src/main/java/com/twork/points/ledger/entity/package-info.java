/** The append-only ledger (transactions and their lots) and the per-member running totals. */
package com.twork.points.ledger.entity;
