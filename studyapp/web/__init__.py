"""The phone round served to members' phones over the laptop's own network.

`app` holds the pages (Starlette and Jinja2 templates, no script needed),
`forms` reads a page's form as a response, `server` runs them with uvicorn in
a thread while a round lasts and draws the round's address as a QR code.
The round's rules live in `studyapp.store.phone`; nothing here decides them.
"""
