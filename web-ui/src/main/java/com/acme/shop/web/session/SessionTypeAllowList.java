package com.acme.shop.web.session;

import java.util.Set;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * The only classes a session value in Redis may name as its type ({@code "@class"}),
 * matched by exact name. Any other name is refused before the class is even loaded, so a
 * value written into Redis by someone else can never make web-ui load, initialise or
 * instantiate an arbitrary class.
 */
final class SessionTypeAllowList extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;

    private final Set<String> allowed;

    SessionTypeAllowList(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public Validity validateBaseType(DatabindContext ctxt, JavaType baseType) {
        return Validity.INDETERMINATE;
    }

    @Override
    public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
        return allowed.contains(subClassName) ? Validity.ALLOWED : Validity.DENIED;
    }

    @Override
    public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
        return allowed.contains(subType.getRawClass().getName()) ? Validity.ALLOWED : Validity.DENIED;
    }

    Set<String> names() {
        return allowed;
    }

}
