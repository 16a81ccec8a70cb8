package com.twork.points.platform.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Finishes the OpenAPI document Payara builds from the resources: path templates without our regular
 * expressions ({@code {user_id}}, as OpenAPI wants), a title, the error envelope every route may answer with,
 * and the two ways to authenticate.
 */
public class OpenApiDocument implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        openApi.info(OASFactory.createInfo()
                .title("T-Work Points API")
                .version("1")
                .description("Loyalty points of the T-Work shop, WordPress-compatible under /wp-json/twork/v1/points."
                        + " Errors: {code, message, data: {status, ...}} with the HTTP status equal to data.status."));
        if (openApi.getPaths() != null) {
            Map<String, PathItem> cleaned = new LinkedHashMap<>();
            openApi.getPaths()
                    .getPathItems()
                    .forEach((path, item) -> cleaned.put(
                            path.replaceAll("\\{(\\w+):[^}]*}+", "{$1}").replaceAll("\\{(\\w+):.*?}(?=/|$)", "{$1}"),
                            item));
            openApi.getPaths().setPathItems(cleaned);
        }
        if (openApi.getComponents() == null) {
            openApi.components(OASFactory.createComponents());
        }
        openApi.getComponents()
                .addSchema(
                        "ErrorBody",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.OBJECT)
                                .description("The WordPress REST error envelope")
                                .addProperty(
                                        "code",
                                        OASFactory.createSchema()
                                                .type(Schema.SchemaType.STRING)
                                                .example("rest_invalid_user"))
                                .addProperty(
                                        "message",
                                        OASFactory.createSchema()
                                                .type(Schema.SchemaType.STRING)
                                                .example("User not found"))
                                .addProperty(
                                        "data",
                                        OASFactory.createSchema()
                                                .type(Schema.SchemaType.OBJECT)
                                                .addProperty(
                                                        "status",
                                                        OASFactory.createSchema()
                                                                .type(Schema.SchemaType.INTEGER)
                                                                .example(404))))
                .addSecurityScheme(
                        "apiKey",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("consumer key and secret (ck_..., cs_...) as Basic credentials"))
                .addSecurityScheme(
                        "session",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-WP-Nonce")
                                .description("with the twork_session cookie from POST /auth/login"));
    }
}
