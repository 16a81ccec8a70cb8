package com.twork.points.platform.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The WordPress REST error envelope the app understands: {@code {"code", "message", "data": {"status", ...}}}.
 */
public record ErrorBody(String code, String message, Map<String, Object> data) {

    public static ErrorBody of(int status, String code, String message, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        data.putAll(extra);
        return new ErrorBody(code, message, data);
    }
}
