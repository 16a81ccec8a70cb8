package com.twork.points.rule.rest;

import java.util.List;

/** {@code GET /rules}. */
public record RuleListBody(List<RuleBody> rules) {}
