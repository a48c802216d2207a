"""A real browser (Debian's chromium, headless, driven by Selenium with the system's
chromedriver; nothing downloaded) logs in through the login page and the docs page."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pyotp
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from services.cli.stack import Stack
from tests.support.oidc_login import Pkce, authorize_url
from tests.support.stack import demo_token

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PASSWORD = "Lindenallee-17-Fils"

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[WebDriver]:
    # a missing browser fails the test, never skips it: .ci/run installs both packages
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(
            "needs Debian's chromium and chromium-driver: apt-get install chromium "
            "chromium-driver (.ci/run does)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=de-DE",
        "--window-size=1280,1600",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield browser
    finally:
        browser.quit()


def wait(driver: WebDriver, seconds: float = 20) -> WebDriverWait[WebDriver]:
    return WebDriverWait(driver, seconds)


@pytest.fixture
def api(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.gateway_url, timeout=30) as c:
        yield c


@pytest.fixture
def totp_user(api: httpx.Client, stack: Stack) -> tuple[str, pyotp.TOTP]:
    """A new Göppingen case worker with a confirmed TOTP factor."""
    admin = {"Authorization": f"Bearer {demo_token(stack, 'orgadmin.goeppingen')}"}
    org = api.get("/auth/v1/me", headers=admin).json()["organization"]["id"]
    username = f"totp-{uuid.uuid4().hex[:8]}"
    body = {
        "username": username,
        "organization_id": org,
        "roles": ["case_worker"],
        "password": PASSWORD,
    }
    assert api.post("/auth/v1/users", json=body, headers=admin).status_code == 201
    me = {"Authorization": f"Bearer {demo_token(stack, username, PASSWORD)}"}
    secret = api.post("/auth/v1/me/totp", headers=me).json()["secret"]
    totp = pyotp.TOTP(secret)
    confirmed = api.post("/auth/v1/me/totp/confirmation", json={"code": totp.now()}, headers=me)
    assert confirmed.status_code == 200, confirmed.text
    return username, totp


def fill(driver: WebDriver, field: str, value: str) -> None:
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def test_login_page_with_a_wrong_password_and_a_totp_step(driver, stack, totp_user):
    username, totp = totp_user
    pkce = Pkce.new()
    callback = f"{stack.gateway_url}/docs/oauth2-redirect.html"  # pakt-docs' registered page
    driver.get(stack.gateway_url + authorize_url("pakt-docs", callback, pkce))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    focusable = driver.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), button")
    order = [e.get_attribute("id") or e.get_attribute("type") for e in focusable]
    assert order == ["username", "password", "submit"]  # the tab order: fields, then the button
    assert driver.find_element(By.ID, "username").get_attribute("autofocus") is not None
    assert driver.find_element(By.CSS_SELECTOR, "label[for=password]").text == "Passwort"
    fill(driver, "username", username)
    fill(driver, "password", "falsch-falsch-falsch")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    alert = wait(driver).until(ec.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert "Benutzername oder Passwort ist falsch" in alert.text
    assert driver.find_element(By.ID, "username").get_attribute(
        "aria-describedby"
    ) == alert.get_attribute("id")
    fill(driver, "username", username)
    fill(driver, "password", PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    code_field = wait(driver).until(ec.presence_of_element_located((By.ID, "code")))
    assert code_field.get_attribute("autocomplete") == "one-time-code"
    code_field.send_keys(totp.at(int(time.time()) + totp.interval))  # the next step: unused
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver).until(lambda d: d.current_url.startswith(callback))
    query = parse_qs(urlsplit(driver.current_url).query)
    assert query["code"]
    exchanged = httpx.post(
        f"{stack.gateway_url}/auth/v1/token",
        data={
            "grant_type": "authorization_code",
            "client_id": "pakt-docs",
            "code": query["code"][0],
            "redirect_uri": callback,
            "code_verifier": pkce.verifier,
        },
    )
    assert exchanged.status_code == 200, exchanged.text


def test_docs_page_authorize_and_list_cases(driver, stack):
    driver.get(f"{stack.gateway_url}/docs")
    wait(driver).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "button.authorize"))).click()
    dialog = wait(driver).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".modal-ux")))
    section = next(
        c
        for c in dialog.find_elements(By.CSS_SELECTOR, ".auth-container")
        if "authorizationCode" in c.text
    )
    client_id = section.find_element(By.CSS_SELECTOR, "input#client_id_authorizationCode")
    assert client_id.get_attribute("value") == "pakt-docs"  # from initOAuth, nothing to type
    main = driver.current_window_handle
    section.find_element(By.CSS_SELECTOR, "button.authorize").click()
    wait(driver).until(lambda d: len(d.window_handles) == 2)
    driver.switch_to.window(next(h for h in driver.window_handles if h != main))
    wait(driver).until(ec.presence_of_element_located((By.ID, "username")))
    fill(driver, "username", "cw.goeppingen")
    fill(driver, "password", "pakt-demo-2026")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver).until(lambda d: len(d.window_handles) == 1)  # the redirect page closes itself
    driver.switch_to.window(main)
    logout = "//div[contains(@class,'modal-ux')]//button[contains(., 'Logout')]"
    wait(driver).until(ec.presence_of_element_located((By.XPATH, logout)))  # authorized
    driver.find_element(By.CSS_SELECTOR, ".modal-ux .close-modal").click()
    driver.get(f"{stack.gateway_url}/docs#/cases/list_cases")
    block = wait(driver).until(
        ec.presence_of_element_located((By.ID, "operations-cases-list_cases"))
    )
    if "is-open" not in (block.get_attribute("class") or ""):
        block.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    wait(driver).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "#operations-cases-list_cases .try-out__btn"))
    ).click()
    driver.find_element(By.CSS_SELECTOR, "#operations-cases-list_cases .execute").click()
    status = wait(driver).until(
        ec.presence_of_element_located(
            (
                By.CSS_SELECTOR,
                "#operations-cases-list_cases .live-responses-table tbody .response-col_status",
            )
        )
    )
    assert status.text.strip().startswith("200"), driver.find_element(
        By.CSS_SELECTOR, "#operations-cases-list_cases .live-responses-table"
    ).text
