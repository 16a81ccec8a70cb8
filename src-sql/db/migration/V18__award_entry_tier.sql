-- The member's tier when an order was awarded (issue 23), on each breakdown entry: "What would this have cost?"
-- applies a rule's tiers, and a points-per-unit rule's tier multiplier, to past orders as they were then. NULL on
-- entries written before this version: the dry run counts them for every tier, at multiplier 1 (docs/rules.md).
ALTER TABLE order_award_entry
    ADD COLUMN tier_key        VARCHAR(32)   NULL,
    ADD COLUMN tier_multiplier DECIMAL(6, 3) NULL;
