<?xml version="1.0" encoding="UTF-8"?>
<!-- The table of contents of an HTML edition. Input (built by editio.render):
     <corpus><document href="STEM.html"><TEI>…</TEI></document>…</corpus>, in rendering order. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:include href="common.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="doctype"/>
    <html lang="en">
      <xsl:call-template name="html-head">
        <xsl:with-param name="title" select="'Documents'"/>
      </xsl:call-template>
      <body class="index">
        <xsl:call-template name="nav"/>
        <main>
          <h1>Documents</h1>
          <div class="table-wrap">
            <table class="documents">
              <thead>
                <tr><th scope="col">Title</th><th scope="col">Date</th><th scope="col">Source</th>
                  <th scope="col" class="count">Page breaks</th><th scope="col" class="count">Notes</th></tr>
              </thead>
              <tbody>
                <xsl:apply-templates select="corpus/document"/>
              </tbody>
            </table>
          </div>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="document">
    <xsl:for-each select="tei:TEI">
      <tr>
        <td><a href="{../@href}"><xsl:apply-templates select="." mode="title"/></a></td>
        <td><xsl:apply-templates select="." mode="date"/></td>
        <td><xsl:apply-templates select="." mode="source"/></td>
        <td class="count"><xsl:value-of select="../@pages"/></td>
        <td class="count"><xsl:value-of select="../@notes"/></td>
      </tr>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
