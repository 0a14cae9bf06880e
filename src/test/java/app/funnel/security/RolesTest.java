package app.funnel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void role_name_constants_match_the_role_enum_one_to_one() throws IllegalAccessException {
        var constants = new java.util.TreeSet<String>();
        for (Field field : Roles.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().equals(field.get(null))) {
                constants.add((String) field.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Role.values()).map(Role::name).toList());
    }

    @Test
    void authority_is_the_role_name_with_spring_prefix() {
        assertThat(Role.SALES.authority()).isEqualTo("ROLE_SALES");
    }
}
