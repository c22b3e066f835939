import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_german(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


@pytest.mark.parametrize("path", ["/de/", "/en/"])
def test_home_renders_in_both_languages(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{path.strip("/")}">' in response.text
