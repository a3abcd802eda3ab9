"""The logged-in user is read afresh on every request (daihoi/accounts/backends.py reads it with
one plain query): deactivating an account ends its open sessions at their next request."""

HALL = "/hoi-truong/"  # the congress list: for logged-in users only


def test_a_deactivated_user_is_logged_out_at_the_next_request(secretary_user, client_for):
    client = client_for(secretary_user)
    assert client.get(HALL).status_code == 200
    secretary_user.is_active = False
    secretary_user.save(update_fields=["is_active"])
    assert client.get(HALL).status_code == 302

