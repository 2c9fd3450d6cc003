-- An order that reached PAID, PAYMENT_FAILED or CANCELLED is history (shop.md: a declined card leaves a
-- PAYMENT_FAILED order, visible to its owner): it is never deleted, and its status only moves along the
-- documented transitions (PENDING -> PAID | PAYMENT_FAILED | CANCELLED; PAID -> CANCELLED). The only order that may
-- be deleted is a checkout that charged nothing and is being aborted (status PENDING, step ABORTING: out of stock,
-- product or payment unreachable before any charge), so that a retry with the same Idempotency-Key checks out anew.
-- These triggers hold the rule whatever the code (or a hand-written statement) does.
CREATE FUNCTION orders_keep_history() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'PENDING' OR OLD.step <> 'ABORTING' THEN
            RAISE EXCEPTION 'order % is % (step %): only an aborted checkout (PENDING, ABORTING) may be deleted',
                OLD.number, OLD.status, OLD.step USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.status <> OLD.status
        AND NOT (OLD.status = 'PENDING' OR (OLD.status = 'PAID' AND NEW.status = 'CANCELLED')) THEN
        RAISE EXCEPTION 'order % cannot go from % to %', OLD.number, OLD.status, NEW.status
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER orders_keep_history
    BEFORE DELETE OR UPDATE OF status ON orders
    FOR EACH ROW
EXECUTE FUNCTION orders_keep_history();
