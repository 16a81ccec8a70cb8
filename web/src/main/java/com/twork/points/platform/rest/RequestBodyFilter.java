package com.twork.points.platform.rest;

import com.twork.points.platform.control.JsonNesting;
import com.twork.points.platform.control.JsonProviders;
import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The body checks of SPEC §3.0, in their fixed order, for every matched route that takes a body: size (413),
 * media type (415), JSON syntax (400). The parsed body is kept as a request property, so resources never parse
 * twice and never see a body that failed these checks.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyFilter implements ContainerRequestFilter {
    public static final String PROPERTY = "twork.json-body";
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final long DEFAULT_LIMIT = 4L * 1024 * 1024;

    @Context
    ResourceInfo resource;

    private final long limit = ConfigProvider.getConfig()
            .getOptionalValue("twork.http.max-body-bytes", Long.class)
            .orElse(DEFAULT_LIMIT);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())) {
            return;
        }
        if (request.getLength() > limit) {
            throw RequestFailure.payloadTooLarge(limit);
        }
        byte[] body = readAtMost(request.getEntityStream(), limit);
        request.setEntityStream(new ByteArrayInputStream(body));
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(RawBody.class)) {
            request.setProperty(RawBody.PROPERTY, body);
            return;
        }
        if (isBlank(body)) {
            request.setProperty(PROPERTY, JsonValue.EMPTY_JSON_OBJECT);
            return;
        }
        if (!isJson(mediaType(request))) {
            throw RequestFailure.unsupportedMediaType();
        }
        request.setProperty(PROPERTY, parse(body));
    }

    /** A Content-Type nobody can parse ({@code ;;;=}) is not JSON: 415, not the runtime's bare 400 page. */
    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (ProcessingException | IllegalArgumentException unparseable) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        boolean json = "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype())
                        || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return json && (charset == null || "utf-8".equalsIgnoreCase(charset));
    }

    private static JsonValue parse(byte[] body) {
        if (JsonNesting.exceeds(body, JsonNesting.MAX_DEPTH)) {
            throw RequestFailure.invalidJson();
        }
        try (JsonReader reader = JsonProviders.JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw RequestFailure.invalidJson();
        }
    }

    private static boolean isBlank(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).isBlank();
    }

    /** Reads the whole body, failing with 413 as soon as it passes the limit (chunked bodies have no length). */
    private static byte[] readAtMost(InputStream in, long limit) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw RequestFailure.payloadTooLarge(limit);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
