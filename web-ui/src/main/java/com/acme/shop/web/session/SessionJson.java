package com.acme.shop.web.session;

import java.util.Set;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.jackson.CoreJacksonModule;
import org.springframework.security.web.server.jackson.WebServerJacksonModule;

import com.acme.shop.web.auth.LoginAuthentication;
import com.acme.shop.web.auth.SessionUser;
import com.acme.shop.web.client.TokenSet;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session values in Redis as JSON, never Java serialization. Spring Security's Jackson 3
 * modules ({@link CoreJacksonModule}, {@link WebServerJacksonModule}) handle the security
 * context and the CSRF token, a mix-in handles the app's {@link LoginAuthentication}.
 * Values carry their type ({@code "@class"}), and only the types in
 * {@link #ALLOWED_TYPES} are accepted when reading: anything else fails with a
 * {@link SerializationException} (the session is then treated as absent).
 */
final class SessionJson implements RedisSerializer<Object> {

    /**
     * Everything web-ui keeps in a session: Spring Session's own fields, the security
     * context, CSRF token, tokens.
     */
    static final Set<String> ALLOWED_TYPES = Set.of(Long.class.getName(), Integer.class.getName(),
            String.class.getName(), Boolean.class.getName(), SecurityContextImpl.class.getName(),
            org.springframework.security.web.server.csrf.DefaultCsrfToken.class.getName(),
            LoginAuthentication.class.getName(), SessionUser.class.getName(), TokenSet.class.getName(),
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12");

    private final ObjectWriter writer;

    private final ObjectReader reader;

    SessionJson() {
        this(mapper());
    }

    SessionJson(JsonMapper mapper) {
        this.writer = mapper.writerFor(Object.class);
        this.reader = mapper.readerFor(Object.class);
    }

    static JsonMapper mapper() {
        SessionTypeAllowList allowList = new SessionTypeAllowList(ALLOWED_TYPES);
        return JsonMapper.builder()
            .addModules(new CoreJacksonModule(), new WebServerJacksonModule())
            .addMixIn(LoginAuthentication.class, LoginAuthenticationMixin.class)
            .polymorphicTypeValidator(allowList)
            .activateDefaultTyping(allowList, DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY)
            .build();
    }

    @Override
    public byte[] serialize(Object value) {
        if (value == null) {
            return new byte[0];
        }
        try {
            return writer.writeValueAsBytes(value);
        }
        catch (JacksonException ex) {
            throw new SerializationException("Could not write session value of type " + value.getClass().getName(), ex);
        }
    }

    @Override
    public Object deserialize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        }
        catch (JacksonException | IllegalArgumentException | IllegalStateException ex) {
            throw new SerializationException("Refused a session value: " + ex.getClass().getSimpleName(), ex);
        }
    }

}
